package org.tactgate.web;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.Map;
import org.tactgate.store.AuditLog;
import org.tactgate.store.MessageStore;

/** {@code GET /console/precision}: the false-hold rate per detector and rule (admins: it is for tuning). */
final class PrecisionRoutes {
    private final PrecisionReport report;

    PrecisionRoutes(MessageStore store, AuditLog audit, Clock clock) {
        this.report = new PrecisionReport(store, audit, clock);
    }

    void register(Javalin app) {
        app.get("/console/precision", ctx -> {
            ConsoleAuth.requireAdmin(ctx);
            int days = AuditQuery.number(ctx.queryParam("days"), 90, 1, 366);
            ConsolePage.render(ctx, "precision.peb", "precision", Map.of("r", report.compute(days)));
        });
    }
}
