package org.tactgate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Intake settings ({@code smtp.*}).
 *
 * @param allowedNetworks CIDR blocks whose clients may relay without AUTH
 * @param tlsCertificate  PEM certificate chain for STARTTLS; empty disables STARTTLS
 * @param tlsKey          PEM PKCS#8 private key matching the certificate
 * @param authUsersFile   file of {@code user:hash} lines; empty disables AUTH
 * @param authAllowPlaintext allow AUTH before STARTTLS (only for loopback test rigs)
 */
public record SmtpSettings(
        HostPort listen,
        String hostname,
        List<String> allowedNetworks,
        long maxMessageSize,
        int maxRecipients,
        int maxConnections,
        Duration sessionTimeout,
        Optional<Path> tlsCertificate,
        Optional<Path> tlsKey,
        boolean tlsRequired,
        Optional<Path> authUsersFile,
        boolean authRequired,
        boolean authAllowPlaintext) {
}
