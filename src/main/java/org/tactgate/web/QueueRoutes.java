package org.tactgate.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** {@code GET /console}: the review queue with its filters and the bulk action form. */
final class QueueRoutes {
    private static final int PAGE = 200;

    private final ReviewQueue queue;

    QueueRoutes(org.tactgate.store.MessageStore store, Clock clock) {
        this.queue = new ReviewQueue(store, clock);
    }

    void register(Javalin app) {
        app.get("/console", this::show);
    }

    private void show(Context ctx) {
        QueueFilter filter = QueueFilter.from(ctx::queryParam);
        List<QueueItem> items = queue.find(filter, PAGE);
        ConsolePage.render(ctx, "queue.peb", "queue", Map.of(
                "items", items, "filter", filter, "detectors", queue.detectors(),
                "states", QueueFilter.REVIEWABLE, "ages", QueueFilter.AGES, "page", PAGE));
    }
}
