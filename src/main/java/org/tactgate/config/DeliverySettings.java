package org.tactgate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Delivery settings ({@code upstream.*}, {@code delivery.*}).
 *
 * @param upstream     next hop; empty means write to {@code outbox} instead
 * @param starttls     {@code never}, {@code opportunistic} or {@code required}
 * @param tlsTrustFile PEM certificates trusted, instead of the JVM's CAs, when the upstream's
 *                     certificate is verified; empty means the JVM's default trust store
 * @param retryInitial first back-off after a temporary failure; doubles up to {@code retryMaxInterval}
 * @param retryMaxAge  age after which a message still undelivered fails with a DSN
 */
public record DeliverySettings(
        Optional<HostPort> upstream,
        StartTls starttls,
        Optional<String> username,
        Optional<String> password,
        Optional<Path> tlsTrustFile,
        Path outbox,
        int workers,
        Duration connectTimeout,
        Duration retryInitial,
        Duration retryMaxInterval,
        Duration retryMaxAge,
        Duration pollInterval) {

    public enum StartTls { NEVER, OPPORTUNISTIC, REQUIRED }
}
