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
        Optional<LearnedReader> reader = withReader
                ? Optional.of(LearnedReader.standard(settings.inspect().readerPassages(), settings.inspect().readerAbuse(),
                        settings.inspect().readerCache(), settings.inspect().readerThreshold()))
                : Optional.empty();
        return DetectionInspector.standard(directory, Lexicon.load(settings.inspect().lexiconFolder()), reader);
    }

    static Policy policy(Settings settings, Directory directory) {
        RulesFile.RuleSet rules = settings.policy().file().map(RulesFile::read).orElseGet(RulesFile::builtIn);
        return new RulePolicy(rules, directory, settings.inspect().thresholds(), settings.policy().monitor(),
                Clock.systemUTC());
    }
}
