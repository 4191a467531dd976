package org.tactgate.cli;

import java.time.Clock;
import org.tactgate.config.Settings;
import org.tactgate.directory.Directory;
import org.tactgate.inspect.DetectionInspector;
import org.tactgate.inspect.Lexicon;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.policy.Policy;
import org.tactgate.policy.RulePolicy;
import org.tactgate.policy.RulesFile;

/**
 * Builds the inspector and policy the relay and {@code check} share, so both judge alike: the
 * standard detectors over the site's directory and lexicons, and the rules of {@code policy.file}
 * (or the built-in rules) with {@code policy.monitor}. Throws the loaders' exceptions on a bad
 * lexicon folder or policy file, naming the file.
 */
final class Detection {
    private Detection() {
    }

    static MessageInspector inspector(Settings settings, Directory directory) {
        return DetectionInspector.standard(directory, Lexicon.load(settings.inspect().lexiconFolder()));
    }

    static Policy policy(Settings settings, Directory directory) {
        RulesFile.RuleSet rules = settings.policy().file().map(RulesFile::read).orElseGet(RulesFile::builtIn);
        return new RulePolicy(rules, directory, settings.inspect().thresholds(), settings.policy().monitor(),
                Clock.systemUTC());
    }
}
