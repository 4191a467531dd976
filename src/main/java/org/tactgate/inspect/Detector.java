package org.tactgate.inspect;

import java.util.List;
import org.tactgate.message.Finding;

/**
 * One named detection rule. The {@link DetectionInspector} builds a {@link MessageView} once per
 * message and calls each detector in order, passing the findings of the detectors before it
 * (so a rule can say "stronger when disparagement was found"). Detectors report scores; they
 * never decide what happens to the mail (thresholds are the policy's). Implementations are
 * stateless and thread-safe, and must not throw on odd input.
 */
public interface Detector {

    /** Stable UPPER_SNAKE symbol, e.g. {@code DISPARAGEMENT}. */
    String symbol();

    /** What the rule looks for, for people reading a finding or the docs. */
    String description();

    /** Lower-case name used in findings and settings ({@code inspect.<name>.threshold}). */
    default String name() {
        return symbol().toLowerCase(java.util.Locale.ROOT);
    }

    List<Finding> detect(MessageView view, List<Finding> earlier);
}
