package org.tactgate.web;

import io.javalin.http.Context;

/**
 * Headers every response carries. The CSP allows scripts from nowhere (the pages have none),
 * styles and images from this origin only (so a remote image in a previewed mail never loads,
 * even if the sanitiser missed one), forms posting only back here, and no framing.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'none'; object-src 'none'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }
}
