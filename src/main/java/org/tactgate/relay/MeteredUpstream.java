package org.tactgate.relay;

import java.time.Duration;
import org.tactgate.delivery.Attempt;
import org.tactgate.delivery.AttemptResult;
import org.tactgate.delivery.Upstream;
import org.tactgate.store.RecipientStatus;
import org.tactgate.web.RelayMetrics;

/** Times each delivery attempt and counts its failures, then hands the result on unchanged. */
final class MeteredUpstream implements Upstream {
    private final Upstream upstream;
    private final RelayMetrics metrics;

    MeteredUpstream(Upstream upstream, RelayMetrics metrics) {
        this.upstream = upstream;
        this.metrics = metrics;
    }

    @Override
    public AttemptResult attempt(Attempt attempt) {
        long start = System.nanoTime();
        AttemptResult result = upstream.attempt(attempt);
        boolean delivered = result.results().stream().allMatch(r -> r.state() == RecipientStatus.State.DELIVERED);
        metrics.deliveryAttempt(Duration.ofNanos(System.nanoTime() - start), delivered);
        if (result.results().stream().anyMatch(r -> r.state() == RecipientStatus.State.FAILED)) {
            metrics.deliveryFailure("permanent");
        } else if (!delivered) {
            metrics.deliveryFailure("temporary");
        }
        return result;
    }

    @Override
    public void close() {
        upstream.close();
    }
}
