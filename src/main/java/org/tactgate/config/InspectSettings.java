package org.tactgate.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Detection settings ({@code inspect.*}).
 *
 * @param thresholds     score at or above which a detector's finding stops the mail, by detector
 *                       name ({@code inspect.<detector>.threshold})
 * @param lexiconFolder  a site folder of extra lexicon files ({@code inspect.lexicons}), added to the built-in ones
 * @param reader         whether the learned reader runs beside the rules ({@code inspect.reader})
 * @param readerPassages most passages the reader reads in one message ({@code inspect.reader.max-passages})
 * @param readerAbuse    whether the reader's second head (shaming or insulting the reader) reports
 *                       findings ({@code inspect.reader.abuse}); off by default, see README
 * @param readerCache    most passages whose scores the reader remembers ({@code inspect.reader.cache};
 *                       0 remembers none, which is how the benchmarks measure the model's own cost)
 * @param readerThreshold the reader's disparage threshold ({@code inspect.reader.threshold}); empty
 *                       means the one its manifest chose on held-out organisations
 */
public record InspectSettings(Map<String, Double> thresholds, Optional<Path> lexiconFolder, boolean reader,
                              int readerPassages, boolean readerAbuse, int readerCache,
                              OptionalDouble readerThreshold) {
    public static final int DEFAULT_READER_PASSAGES = 16;
    public static final int DEFAULT_READER_CACHE = 4096;

    /** Detectors and their default thresholds. */
    public static final Map<String, Double> DEFAULT_THRESHOLDS = Map.of(
            "disparagement", 0.6, "exposure", 0.5, "blame", 0.45, "unparseable", 0.5);

    public InspectSettings {
        thresholds = Map.copyOf(thresholds);
    }

    public static InspectSettings defaults() {
        return new InspectSettings(DEFAULT_THRESHOLDS, Optional.empty(), true, DEFAULT_READER_PASSAGES, false,
                DEFAULT_READER_CACHE, OptionalDouble.empty());
    }
}
