package org.tactgate.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error responses: a short HTML page for people, JSON for {@code /api/} callers; never a stack
 * trace. Unexpected exceptions are logged here with the path.
 */
final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private ErrorPages() {
    }

    static void register(Javalin app) {
        app.exception(HttpResponseException.class, (e, ctx) -> show(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
            show(ctx, 500, "Something went wrong on our side. The error is logged.");
        });
        for (int status : new int[] {400, 403, 404, 405, 429, 500, 503}) {
            app.error(status, "html", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    show(ctx, status, HttpStatus.forStatus(status).getMessage());
                }
            });
        }
    }

    static void show(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", message, "status", status));
        } else {
            ctx.render("error.peb", Map.of("status", status, "message", message));
        }
    }
}
