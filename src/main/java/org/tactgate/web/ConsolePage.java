package org.tactgate.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Renders a console template with what every console page shows: who is logged in, the CSRF token, the tab. */
final class ConsolePage {
    private ConsolePage() {
    }

    static void render(Context ctx, String template, String tab, Map<String, ?> model) {
        Session s = ConsoleAuth.session(ctx);
        Map<String, Object> all = new HashMap<>(model);
        all.put("user", s.user());
        all.put("admin", s.role().isAdmin());
        all.put("csrf", s.csrf());
        all.put("tab", tab);
        ctx.render(template, all);
    }
}
