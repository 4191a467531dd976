package org.tactgate.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.StoredMessage;

/**
 * {@code /health} for load balancers: 200 when the store answers and the delivery queue moves,
 * 503 otherwise. The queue is stuck when its oldest QUEUED or DEFERRED message has been due for
 * longer than {@link #STUCK_AFTER} without being taken (no worker is claiming work).
 */
final class Health {
    static final Duration STUCK_AFTER = Duration.ofMinutes(15);

    private final MessageStore store;
    private final Clock clock;

    Health(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void handle(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ok;
        try {
            Map<MessageState, Long> counts = store.countByState();
            long depth = counts.getOrDefault(MessageState.QUEUED, 0L) + counts.getOrDefault(MessageState.DEFERRED, 0L);
            boolean stuck = overdue(MessageState.QUEUED) || overdue(MessageState.DEFERRED);
            body.put("store", "ok");
            body.put("queue", stuck ? "stuck" : "moving");
            body.put("queueDepth", depth);
            ok = !stuck;
        } catch (RuntimeException e) {
            body.put("store", "unreachable");
            ok = false;
        }
        body.put("status", ok ? "ok" : "fail");
        ctx.status(ok ? 200 : 503).json(body);
    }

    private boolean overdue(MessageState state) {
        Instant limit = clock.instant().minus(STUCK_AFTER);
        // oldest first by arrival: enough to find a message nobody has taken for a long time
        List<StoredMessage> oldest = store.list(state, 20);
        return oldest.stream().anyMatch(m -> m.nextAttemptAt().isBefore(limit));
    }
}
