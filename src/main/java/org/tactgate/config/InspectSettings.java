package org.tactgate.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Detection settings ({@code inspect.*}).
 *
 * @param thresholds     score at or above which a detector's finding stops the mail, by detector
 *                       name ({@code inspect.<detector>.threshold})
 * @param lexiconFolder  a site folder of extra lexicon files ({@code inspect.lexicons}), added to the built-in ones
 */
public record InspectSettings(Map<String, Double> thresholds, Optional<Path> lexiconFolder) {

    /** Detectors and their default thresholds. */
    public static final Map<String, Double> DEFAULT_THRESHOLDS = Map.of(
            "disparagement", 0.6, "exposure", 0.5, "blame", 0.5, "unparseable", 0.5);

    public InspectSettings {
        thresholds = Map.copyOf(thresholds);
    }

    public static InspectSettings defaults() {
        return new InspectSettings(DEFAULT_THRESHOLDS, Optional.empty());
    }
}
