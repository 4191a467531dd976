package org.tactgate.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.smtp.PasswordHash;

/**
 * {@code GET/POST /login} and {@code POST /console/logout}.
 *
 * <p>SECURITY: the login form carries a double-submit token (a cookie and a hidden field that
 * must match) so another site cannot log a browser in as someone else. Failed logins are
 * throttled per name and per address ({@link LoginThrottle}); an unknown name costs the same
 * hashing as a wrong password, and both give the same answer. The {@code next} target must be a
 * console path, never another site.
 */
final class LoginRoutes {
    private static final Logger log = LoggerFactory.getLogger(LoginRoutes.class);
    static final String LOGIN_COOKIE = "tg_login";

    private final UserStore users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private volatile PasswordHash dummy;

    LoginRoutes(UserStore users, Sessions sessions, LoginThrottle throttle) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    void register(Javalin app) {
        app.get("/", ctx -> ctx.redirect("/console"));
        app.get("/login", ctx -> form(ctx, 200, Optional.empty()));
        app.post("/login", this::login);
        app.post("/console/logout", ctx -> {
            sessions.end(ctx.cookie(ConsoleAuth.COOKIE));
            ctx.removeCookie(ConsoleAuth.COOKIE, "/");
            ctx.redirect("/login");
        });
    }

    private void form(Context ctx, int status, Optional<String> error) {
        String token = Secrets.random(24);
        ctx.cookie(cookie(ctx, LOGIN_COOKIE, token));
        ctx.status(status).render("login.peb", Map.of("token", token, "next", next(ctx),
                "error", error.orElse("")));
    }

    private void login(Context ctx) {
        if (!Secrets.same(ctx.cookie(LOGIN_COOKIE), ctx.formParam("token"))) {
            form(ctx, 403, Optional.of("The login form expired. Please try again."));
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").trim();
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        Optional<Duration> wait = throttle.waitBefore(name, ctx.ip());
        if (wait.isPresent()) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
            form(ctx, 429, Optional.of("Too many failed logins. Try again in "
                    + Math.max(1, wait.get().toMinutes()) + " minute(s)."));
            return;
        }
        Optional<Account> account = Account.isValidName(name) ? users.find(name) : Optional.empty();
        boolean ok;
        if (account.isPresent()) {
            ok = account.get().password().verify(password);
        } else {
            dummy().verify(password); // same work as a real check: timing does not reveal names
            ok = false;
        }
        java.util.Arrays.fill(password, '\0');
        if (!ok) {
            throttle.failed(name, ctx.ip());
            log.info("failed console login for '{}' from {}", name.replaceAll("[^A-Za-z0-9._@-]", "?"), ctx.ip());
            form(ctx, 401, Optional.of("Wrong name or password."));
            return;
        }
        throttle.succeeded(name);
        Session session = sessions.start(account.get().name(), account.get().role());
        ctx.cookie(cookie(ctx, ConsoleAuth.COOKIE, session.id()));
        ctx.removeCookie(LOGIN_COOKIE, "/");
        log.info("console login: {} ({}) from {}", session.user(), session.role(), ctx.ip());
        ctx.redirect(next(ctx));
    }

    /** Where to go after login: a console path from the form or query, else the queue. */
    private static String next(Context ctx) {
        String next = Optional.ofNullable(ctx.formParam("next")).orElse(ctx.queryParam("next"));
        if (next != null && next.matches("/console(/[A-Za-z0-9._/-]*)?")) {
            return next;
        }
        return "/console";
    }

    private PasswordHash dummy() {
        if (dummy == null) {
            dummy = PasswordHash.hash("not a password".toCharArray());
        }
        return dummy;
    }

    private static Cookie cookie(Context ctx, String name, String value) {
        // a browser-session cookie (no max-age); the server ends the session itself
        return new Cookie(name, value, "/", -1, "https".equals(ctx.scheme()), 0, true, null, null, SameSite.STRICT);
    }
}
