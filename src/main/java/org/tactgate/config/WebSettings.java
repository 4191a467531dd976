package org.tactgate.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Web settings ({@code web.*}).
 *
 * @param listen         where the sender pages, {@code /health} and (by default) everything else listen
 * @param consoleListen  a separate address for the review console, the JSON API and {@code /metrics};
 *                       empty = the same listener as {@link #listen}
 * @param sessionTimeout how long a console session lives without a request ({@code web.session-timeout})
 */
public record WebSettings(HostPort listen, Optional<HostPort> consoleListen, Duration sessionTimeout) {

    /** Loopback on port 0 (any free port), no separate console, 30 minute sessions: for tests. */
    public static WebSettings loopback() {
        return new WebSettings(new HostPort("127.0.0.1", 0), Optional.empty(), Duration.ofMinutes(30));
    }
}
