package org.tactgate.web;

import io.javalin.Javalin;

/**
 * A set of routes registered on one Javalin app (the sender confirmation pages, the console, the
 * API…). Called once, before the app starts; the app already has the template renderer, the
 * security headers and the error pages.
 */
@FunctionalInterface
public interface RouteGroup {
    void register(Javalin app);
}
