package org.tactgate.web;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.Map;
import org.tactgate.store.AuditLog;
import org.tactgate.store.MessageStore;

/** {@code GET /console/dashboard}: the last two weeks in numbers and one chart. */
final class DashboardRoutes {
    private final Dashboard dashboard;

    DashboardRoutes(MessageStore store, AuditLog audit, Clock clock) {
        this.dashboard = new Dashboard(store, audit, clock);
    }

    void register(Javalin app) {
        app.get("/console/dashboard", ctx -> {
            Dashboard.Numbers n = dashboard.compute();
            ConsolePage.render(ctx, "dashboard.peb", "dashboard", Map.of("n", n,
                    "chart", SvgChart.stackedDays(n.days())));
        });
    }
}
