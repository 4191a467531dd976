package org.tactgate.cli;

import java.time.Clock;
import java.util.Optional;
import org.tactgate.config.Settings;
import org.tactgate.directory.Directory;
import org.tactgate.inspect.DetectionInspector;
import org.tactgate.inspect.Lexicon;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.inspect.LearnedReader;
import org.tactgate.policy.Policy;
import org.tactgate.policy.RulePolicy;
import org.tactgate.policy.RulesFile;

/**
 * Builds the inspector and policy the relay and {@code check} share, so both judge alike: the
 * standard detectors over the site's directory and lexicons, and the rules of {@code policy.file}
 * (or the built-in rules) with {@code policy.monitor}, and the learned reader unless
 * {@code inspect.reader = off}. Throws the loaders' exceptions on a bad
 * lexicon folder or policy file, naming the file.
 */
final class Detection {
    private Detection() {
    }

    static MessageInspector inspector(Settings settings, Directory directory) {
        return inspector(settings, directory, settings.inspect().reader());
    }

    /** As configured, but with the learned reader on or off whatever {@code inspect.reader} says. */
    static MessageInspector inspector(Settings settings, Directory directory, boolean withReader) {
        return inspector(directory, Lexicon.load(settings.inspect().lexiconFolder()),
                withReader ? Optional.of(reader(settings)) : Optional.empty());
    }

    /**
     * The standard detectors over {@code lexicon}, with {@code reader} beside the rules when given
     * (a reload passes the relay's own reader: its model and cache are the process's, not a site file).
     */
    static MessageInspector inspector(Directory directory, Lexicon lexicon, Optional<LearnedReader> reader) {
        return DetectionInspector.standard(directory, lexicon, reader);
    }

    /** The learned reader as {@code inspect.reader.*} configure it, or empty for {@code inspect.reader = off}. */
    static Optional<LearnedReader> configuredReader(Settings settings) {
        return settings.inspect().reader() ? Optional.of(reader(settings)) : Optional.empty();
    }

    private static LearnedReader reader(Settings settings) {
        return LearnedReader.standard(settings.inspect().readerPassages(), settings.inspect().readerAbuse(),
                settings.inspect().readerCache(), settings.inspect().readerThreshold());
    }

    static Policy policy(Settings settings, Directory directory) {
        return policy(settings, directory, settings.policy().file().map(RulesFile::read));
    }

    /** The policy of {@code rules} as read from {@code policy.file}, or of the built-in rules when empty. */
    static Policy policy(Settings settings, Directory directory, Optional<RulesFile.RuleSet> rules) {
        return new RulePolicy(rules.orElseGet(RulesFile::builtIn), directory, settings.inspect().thresholds(),
                settings.policy().monitor(), Clock.systemUTC());
    }
}
