package org.tactgate.web;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.tactgate.store.AuditLog;

/** {@code GET /console/audit} (the trail, filtered) and {@code GET /console/audit.csv} (the same rows as CSV). */
final class AuditRoutes {
    static final List<String> ACTIONS = List.of("verdict", "notice", "confirm", "cancel", "send-without-customer",
            "release", "bounce", "delete", "timeout");

    private final AuditLog audit;
    private final Clock clock;

    AuditRoutes(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.get("/console/audit", ctx -> {
            AuditQuery q = AuditQuery.from(ctx::queryParam);
            ConsolePage.render(ctx, "audit.peb", "audit",
                    Map.of("rows", q.run(audit, clock), "q", q, "actions", ACTIONS));
        });
        app.get("/console/audit.csv", ctx -> {
            AuditQuery q = AuditQuery.from(ctx::queryParam);
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"tactgate-audit.csv\"")
                    .result(AuditCsv.write(q.run(audit, clock)));
        });
    }
}
