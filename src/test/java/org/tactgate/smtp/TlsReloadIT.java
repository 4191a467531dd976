package org.tactgate.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reload's new certificate: the next STARTTLS presents it, a session already encrypted goes on. */
class TlsReloadIT {
    private final RecordingIntake intake = new RecordingIntake();
    private IntakeServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ZERO);
        }
    }

    @Test
    void theNextStartTlsShouldPresentTheNewCertificateAndTheOpenSessionShouldGoOn() throws Exception {
        server = new IntakeServer(new TestSmtpSettings().withTls().build(), intake);
        server.start();
        try (SmtpDialogue before = SmtpDialogue.connect(server.port())) {
            before.send("EHLO client.example").expect("250");
            before.startTls(TestTls.trusting("tls/localhost-rsa.crt"));
            before.send("EHLO client.example").expect("250");

            server.useTls(PemCredentials.sslContext(TestSmtpSettings.resource("tls/localhost-ec.crt"),
                    TestSmtpSettings.resource("tls/localhost-ec.key")));

            try (SmtpDialogue stale = SmtpDialogue.connect(server.port())) {
                stale.send("EHLO client.example").expect("250");
                assertThatThrownBy(() -> stale.startTls(TestTls.trusting("tls/localhost-rsa.crt")))
                        .as("the old certificate is no longer presented").isInstanceOf(SSLException.class);
            }
            try (SmtpDialogue after = SmtpDialogue.connect(server.port())) {
                after.send("EHLO client.example").expect("250");
                after.startTls(TestTls.trusting("tls/localhost-ec.crt"));
                after.send("EHLO client.example").expect("250");
                after.send("QUIT").expect("221");
            }
            before.send("MAIL FROM:<ann@northwind.example>").expect("250");
            before.send("RCPT TO:<bob@client.example>").expect("250");
            assertThat(before.data("Subject: after the reload\r\n\r\nStill here.\r\n")).startsWith("250");
        }
        assertThat(intake.received()).hasSize(1);
    }
}
