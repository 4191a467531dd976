package org.tactgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tactgate.config.InspectSettings;
import org.tactgate.inspect.Finding;
import org.tactgate.inspect.Inspection;
import org.tactgate.store.Envelope;

class ThresholdPolicyTest {
    private final Envelope envelope = new Envelope("a@x.example", List.of("b@y.example"), "127.0.0.1", "h", Optional.empty(), Instant.EPOCH);
    private final ThresholdPolicy policy = new ThresholdPolicy(new InspectSettings(Map.of("blame", 0.7, "exposure", 0.5), Optional.empty()));

    private static Inspection with(String detector, double score) {
        return new Inspection(List.of(new Finding(detector, score, "body", "e", "r")));
    }

    @Test
    void holdsWhenAFindingReachesItsDetectorsThreshold() {
        Decision d = policy.decide(envelope, with("blame", 0.7));
        assertThat(d.verdict()).isEqualTo(Verdict.HOLD);
        assertThat(d.rule()).isEqualTo("threshold:blame");
    }

    @Test
    void passesWhenEveryFindingIsBelowItsThreshold() {
        assertThat(policy.decide(envelope, with("blame", 0.69)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(policy.decide(envelope, Inspection.NOTHING).verdict()).isEqualTo(Verdict.PASS);
    }
}
