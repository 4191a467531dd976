package org.tactgate.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS with the committed test certificate, and AUTH PLAIN/LOGIN against a users file. */
class AuthenticationIT {
    @TempDir
    Path dir;
    private final RecordingIntake intake = new RecordingIntake();
    private IntakeServer server;

    private TestSmtpSettings settingsWithUsers() throws IOException {
        Path users = Files.writeString(dir.resolve("users"),
                "alice:" + PasswordHash.hash("wonderland".toCharArray(), 1000) + "\n");
        TestSmtpSettings settings = new TestSmtpSettings().withTls();
        settings.usersFile = Optional.of(users);
        settings.allowedNetworks = List.of("127.0.0.1/32");
        return settings;
    }

    private int start(TestSmtpSettings settings) {
        server = new IntakeServer(settings.build(), intake);
        server.start();
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ZERO);
        }
    }

    /** EHLO, STARTTLS trusting the test certificate, EHLO again. */
    private static void startTls(SmtpDialogue smtp) throws Exception {
        smtp.send("EHLO client.example").expect("250");
        smtp.startTls(TestTls.trustingTestCertificate());
        smtp.send("EHLO client.example").expect("250");
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void authPlainAfterStartTlsShouldLetAnOutsideClientSendAsThatUser() throws Exception {
        try (SmtpDialogue smtp = SmtpDialogue.connectFrom("127.0.0.2", start(settingsWithUsers()))) {
            String before = smtp.send("EHLO client.example").expect("250");
            assertThat(before.lines()).contains("250 STARTTLS"); assertThat(before).doesNotContain("AUTH");
            smtp.startTls(TestTls.trustingTestCertificate());
            String after = smtp.send("EHLO client.example").expect("250");
            assertThat(after).contains("AUTH PLAIN LOGIN").doesNotContain("STARTTLS");
            smtp.send("AUTH PLAIN " + plain("alice", "wonderland")).expect("235");
            smtp.send("MAIL FROM:<alice@northwind.example>").expect("250");
            smtp.send("RCPT TO:<bob@customer.example>").expect("250");
            assertThat(smtp.data("Subject: over tls")).startsWith("250 2.0.0");
        }
        assertThat(intake.only().envelope().authUser()).contains("alice");
        assertThat(intake.only().envelope().clientAddress()).isEqualTo("127.0.0.2");
    }

    @Test
    void authLoginAfterStartTlsShouldWork() throws Exception {
        try (SmtpDialogue smtp = SmtpDialogue.connectFrom("127.0.0.2", start(settingsWithUsers()))) {
            startTls(smtp);
            smtp.send("AUTH LOGIN").expect("334");
            smtp.send(Base64.getEncoder().encodeToString("alice".getBytes(StandardCharsets.UTF_8))).expect("334");
            smtp.send(Base64.getEncoder().encodeToString("wonderland".getBytes(StandardCharsets.UTF_8))).expect("235");
        }
    }

    @Test
    void authBeforeStartTlsShouldBeRefusedWithoutCheckingThePassword() throws Exception {
        try (SmtpDialogue smtp = SmtpDialogue.connectFrom("127.0.0.2", start(settingsWithUsers()))) {
            smtp.send("EHLO client.example").expect("250");
            smtp.send("AUTH PLAIN " + plain("alice", "wonderland")).expect("538 5.7.11");
            smtp.send("MAIL FROM:<alice@northwind.example>").expect("250");
            smtp.send("RCPT TO:<bob@customer.example>").expect("530 5.7.0 Authentication required");
        }
    }

    @Test
    void wrongPasswordShouldBeRefusedAndLeaveTheClientUnauthenticated() throws Exception {
        try (SmtpDialogue smtp = SmtpDialogue.connectFrom("127.0.0.2", start(settingsWithUsers()))) {
            startTls(smtp);
            smtp.send("AUTH PLAIN " + plain("alice", "rabbit-hole")).expect("535");
            smtp.send("MAIL FROM:<alice@northwind.example>").expect("250");
            smtp.send("RCPT TO:<bob@customer.example>").expect("530 5.7.0 Authentication required");
        }
    }

    @Test
    void authRequiredShouldApplyEvenToAllowedNetworks() throws Exception {
        TestSmtpSettings settings = settingsWithUsers();
        settings.authRequired = true;
        try (SmtpDialogue smtp = SmtpDialogue.connect(start(settings))) {
            smtp.send("EHLO client.example").expect("250");
            smtp.send("MAIL FROM:<a@northwind.example>").expect("250");
            smtp.send("RCPT TO:<b@customer.example>").expect("530 5.7.0 Authentication required");
            smtp.send("RSET").expect("250");
            smtp.startTls(TestTls.trustingTestCertificate());
            smtp.send("EHLO client.example").expect("250");
            smtp.send("AUTH PLAIN " + plain("alice", "wonderland")).expect("235");
            smtp.send("MAIL FROM:<a@northwind.example>").expect("250");
            smtp.send("RCPT TO:<b@customer.example>").expect("250");
        }
    }

    @Test
    void allowPlaintextShouldOfferAndAcceptAuthWithoutTls() throws Exception {
        TestSmtpSettings settings = settingsWithUsers();
        settings.tlsCertificate = Optional.empty();
        settings.tlsKey = Optional.empty();
        settings.authAllowPlaintext = true;
        try (SmtpDialogue smtp = SmtpDialogue.connectFrom("127.0.0.2", start(settings))) {
            assertThat(smtp.send("EHLO client.example").expect("250")).contains("AUTH PLAIN LOGIN").doesNotContain("STARTTLS");
            smtp.send("AUTH PLAIN " + plain("alice", "wonderland")).expect("235");
            smtp.send("MAIL FROM:<a@northwind.example>").expect("250");
            smtp.send("RCPT TO:<b@customer.example>").expect("250");
        }
    }

    @Test
    void usersFileWithoutTlsOrPlaintextPermissionShouldBeAConfigurationError() throws Exception {
        TestSmtpSettings settings = settingsWithUsers();
        settings.tlsCertificate = Optional.empty();
        settings.tlsKey = Optional.empty();
        assertThatThrownBy(() -> new IntakeServer(settings.build(), intake))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smtp.auth.allow-plaintext");
    }
}
