package org.tactgate.smtp;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tactgate.config.HostPort;
import org.tactgate.config.SmtpSettings;

/** {@link SmtpSettings} for tests: loopback, port 0, defaults as in SettingsLoader, then changes. */
final class TestSmtpSettings {
    List<String> allowedNetworks = List.of("127.0.0.0/8", "::1/128");
    long maxMessageSize = 25L * 1024 * 1024;
    int maxRecipients = 1000;
    int maxConnections = 200;
    Duration sessionTimeout = Duration.ofMinutes(5);
    Optional<Path> tlsCertificate = Optional.empty();
    Optional<Path> tlsKey = Optional.empty();
    boolean tlsRequired;
    Optional<Path> usersFile = Optional.empty();
    boolean authRequired;
    boolean authAllowPlaintext;

    /** Adds the committed self-signed localhost certificate and key. */
    TestSmtpSettings withTls() {
        tlsCertificate = Optional.of(resource("tls/localhost-rsa.crt"));
        tlsKey = Optional.of(resource("tls/localhost-rsa.key"));
        return this;
    }

    SmtpSettings build() {
        return new SmtpSettings(new HostPort("127.0.0.1", 0), "mx.test.example", allowedNetworks, maxMessageSize,
                maxRecipients, maxConnections, sessionTimeout, tlsCertificate, tlsKey, tlsRequired, usersFile,
                authRequired, authAllowPlaintext);
    }

    static Path resource(String name) {
        try {
            return Path.of(TestSmtpSettings.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
