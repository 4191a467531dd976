package org.tactgate.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code web.base-url}, where links in notices point. Its default follows {@code web.listen}, so
 * moving the listener moves the links with it; a wildcard listener has no address a browser could
 * use, so the default then names the host ({@code smtp.hostname}) on the same port.
 */
final class BaseUrl {
    private BaseUrl() {
    }

    /** {@code http://HOST:PORT} for a listener. */
    static String from(HostPort listen, String hostname) {
        String host = switch (listen.host()) {
            case "", "*", "0.0.0.0", "::", "0:0:0:0:0:0:0:0" -> hostname;
            default -> listen.host();
        };
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + listen.port();
    }

    /** An http(s) URL with a host, returned without a trailing slash. */
    static String parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getReason() + "; " + expected());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(expected());
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String expected() {
        return "expected an http:// or https:// URL with a host, e.g. https://tactgate.example.com";
    }
}
