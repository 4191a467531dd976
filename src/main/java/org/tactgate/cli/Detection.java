package org.tactgate.cli;

import org.tactgate.config.Settings;
import org.tactgate.directory.Directory;
import org.tactgate.inspect.DetectionInspector;
import org.tactgate.inspect.Lexicon;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.policy.Policy;
import org.tactgate.policy.ThresholdPolicy;

/**
 * Builds the inspector and policy that {@code serve} and {@code check} share, so that a saved
 * message is judged offline exactly as the relay would judge it.
 */
final class Detection {
    private Detection() {
    }

    /** Throws IllegalArgumentException/UncheckedIOException when a lexicon or customers file is unusable. */
    static MessageInspector inspector(Settings settings) {
        Lexicon lexicon = Lexicon.load(settings.inspect().lexiconFolder());
        return DetectionInspector.standard(Directory.of(settings.directory()), lexicon);
    }

    static Policy policy(Settings settings) {
        return new ThresholdPolicy(settings.inspect());
    }
}
