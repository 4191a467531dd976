package org.tactgate.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.tactgate.hold.Actor;

/**
 * Guards {@code /console}: no session, no page (a GET is sent to the login form, anything else
 * gets 403); every POST must carry the session's CSRF token in the {@code csrf} form field.
 *
 * <p>SECURITY: the session cookie is HttpOnly and SameSite=Strict, and the CSRF token is checked
 * as well, so a form on another site cannot act with a reviewer's cookie. Tokens are compared in
 * constant time.
 */
final class ConsoleAuth {
    static final String COOKIE = "tg_session";
    private static final String SESSION = "tactgate.session";

    private final Sessions sessions;

    ConsoleAuth(Sessions sessions) {
        this.sessions = sessions;
    }

    void register(Javalin app) {
        app.before(this::check);
    }

    private void check(Context ctx) {
        if (!ctx.path().equals("/console") && !ctx.path().startsWith("/console/")) {
            return;
        }
        var session = sessions.touch(ctx.cookie(COOKIE));
        if (session.isEmpty()) {
            if (ctx.method().name().equals("GET")) {
                ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw new ForbiddenResponse("Your session has ended. Log in again.");
        }
        if (ctx.method().name().equals("POST") && !Secrets.same(ctx.formParam("csrf"), session.get().csrf())) {
            throw new ForbiddenResponse("This form has expired. Go back, reload the page and try again.");
        }
        ctx.attribute(SESSION, session.get());
    }

    /** The session {@link #check} found; only called from console routes. */
    static Session session(Context ctx) {
        Session s = ctx.attribute(SESSION);
        if (s == null) {
            throw new ForbiddenResponse("Log in first.");
        }
        return s;
    }

    static void requireAdmin(Context ctx) {
        if (!session(ctx).role().isAdmin()) {
            throw new ForbiddenResponse("Only an admin may do this.");
        }
    }

    static Actor actor(Context ctx) {
        Session s = session(ctx);
        return new Actor(s.user(), ctx.ip(), s.role().actorRole());
    }
}
