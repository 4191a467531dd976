package org.tactgate.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real SMTP clients (Jakarta Mail/Angus, swaks) sending through STARTTLS + AUTH. */
class ClientInteropIT {
    @TempDir
    Path dir;
    private final RecordingIntake intake = new RecordingIntake();
    private IntakeServer server;

    @BeforeEach
    void start() throws IOException {
        Path users = Files.writeString(dir.resolve("users"),
                "alice:" + PasswordHash.hash("wonderland".toCharArray(), 1000) + "\n");
        TestSmtpSettings settings = new TestSmtpSettings().withTls();
        settings.usersFile = Optional.of(users);
        settings.allowedNetworks = List.of("127.0.0.1/32");
        settings.authRequired = true;
        server = new IntakeServer(settings.build(), intake);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(5));
    }

    @Test
    void jakartaMailShouldSendOverStartTlsWithAuthIncludingBccRecipients() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(server.port()));
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.socketFactory", TestTls.trustingTestCertificate().getSocketFactory());
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@northwind.example"));
        message.setRecipients(Message.RecipientType.TO, "bob@customer.example");
        message.setRecipients(Message.RecipientType.CC, "carol@northwind.example");
        message.setRecipients(Message.RecipientType.BCC, "dave@northwind.example");
        message.setSubject("Grüße", "UTF-8");
        message.setText("Hallo Bob,\n.\nthe line above is a lone dot.\n", "UTF-8");
        Transport.send(message, "alice", "wonderland");

        RecordingIntake.Received received = intake.only();
        assertThat(received.envelope().sender()).isEqualTo("alice@northwind.example");
        assertThat(received.envelope().recipients())
                .containsExactly("bob@customer.example", "carol@northwind.example", "dave@northwind.example");
        assertThat(received.envelope().authUser()).contains("alice");
        MimeMessage stored = new MimeMessage(session, new java.io.ByteArrayInputStream(received.content()));
        assertThat(stored.getSubject()).isEqualTo("Grüße");
        assertThat(stored.getHeader("Bcc")).isNull();
        assertThat(((String) stored.getContent()).replace("\r\n", "\n")).contains("\n.\nthe line above");
    }

    @Test
    void swaksShouldSendOverStartTlsWithAuthPlain() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/swaks")), "swaks is not installed at /usr/bin/swaks");
        Process swaks = new ProcessBuilder("/usr/bin/swaks", "--server", "127.0.0.1:" + server.port(),
                "--ehlo", "swaks.test.example", "--from", "alice@northwind.example", "--to", "bob@customer.example",
                "--tls", "--auth", "PLAIN", "--auth-user", "alice", "--auth-password", "wonderland",
                "--header", "Subject: from swaks", "--body", "sent by swaks", "--timeout", "10")
                .redirectErrorStream(true).start();
        assertThat(swaks.waitFor(30, TimeUnit.SECONDS)).as("swaks finished").isTrue();
        String transcript = new String(swaks.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(swaks.exitValue()).as(transcript).isZero();
        assertThat(transcript).contains("250 2.0.0 Ok: queued as " + intake.only().id());
        assertThat(intake.only().envelope().helo()).isEqualTo("swaks.test.example");
        assertThat(intake.only().text()).contains("Subject: from swaks", "sent by swaks");
    }
}
