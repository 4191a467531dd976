package org.tactgate.policy;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.tactgate.config.InspectSettings;
import org.tactgate.inspect.Finding;
import org.tactgate.inspect.Inspection;
import org.tactgate.store.Envelope;

/**
 * Interim policy until the real one exists: any finding at or above its detector's threshold
 * holds the mail; the rule names the detector ({@code threshold:disparagement}). A detector with
 * no configured threshold uses {@code 0.5}. Pure and thread-safe.
 */
public final class ThresholdPolicy implements Policy {
    private static final double FALLBACK = 0.5;

    private final Map<String, Double> thresholds;

    public ThresholdPolicy(InspectSettings settings) {
        this.thresholds = Map.copyOf(settings.thresholds());
    }

    @Override
    public Decision decide(Envelope envelope, Inspection inspection) {
        Optional<Finding> worst = inspection.findings().stream()
                .filter(f -> f.score() >= thresholds.getOrDefault(f.detector(), FALLBACK))
                .max(Comparator.comparingDouble(f -> f.score() - thresholds.getOrDefault(f.detector(), FALLBACK)));
        return worst.map(f -> new Decision(Verdict.HOLD, "threshold:" + f.detector(), inspection))
                .orElseGet(() -> Decision.pass(inspection));
    }
}
