package org.tactgate.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.tactgate.message.Envelope;

/** Protocol dialogues against a real IntakeServer on a loopback port. */
class IntakeServerDialogueIT {
    private final RecordingIntake intake = new RecordingIntake();
    private IntakeServer server;

    private int start(TestSmtpSettings settings) {
        server = new IntakeServer(settings.build(), intake);
        server.start();
        return server.port();
    }

    private int start() {
        return start(new TestSmtpSettings());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ZERO);
        }
    }

    @Test
    void ehloShouldAdvertiseSizePipeliningAnd8bitButNotChunkingStartTlsOrAuthWhenNotConfigured() throws IOException {
        TestSmtpSettings settings = new TestSmtpSettings();
        settings.maxMessageSize = 12345;
        try (SmtpDialogue smtp = SmtpDialogue.connect(start(settings))) {
            smtp.send("EHLO client.example");
            String ehlo = smtp.expect("250-mx.test.example");
            assertThat(ehlo.lines()).contains("250-8BITMIME", "250-SIZE 12345", "250-PIPELINING")
                    .endsWith("250 SMTPUTF8");
            assertThat(ehlo).doesNotContain("CHUNKING", "STARTTLS", "AUTH");
        }
    }

    @Test
    void messageShouldBeQueuedWithItsEnvelopeAndExactBytes() throws IOException {
        try (SmtpDialogue smtp = SmtpDialogue.connect(start())) {
            smtp.send("EHLO client.example").expect("250");
            smtp.send("MAIL FROM:<alice@northwind.example> BODY=8BITMIME SMTPUTF8").expect("250");
            smtp.send("RCPT TO:<bob@customer.example>").expect("250");
            smtp.send("RCPT TO:<carol@northwind.example>").expect("250");
            String reply = smtp.data("Subject: hello\r\n\r\n..dot line\r\nbye");
            RecordingIntake.Received received = intake.only();
            assertThat(reply).isEqualTo("250 2.0.0 Ok: queued as " + received.id());
            Envelope envelope = received.envelope();
            assertThat(envelope.sender()).isEqualTo("alice@northwind.example");
            assertThat(envelope.recipients()).containsExactly("bob@customer.example", "carol@northwind.example");
            assertThat(envelope.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(envelope.helo()).isEqualTo("client.example");
            assertThat(envelope.authUser()).isEmpty();
            assertThat(envelope.receivedAt()).isNotNull();
            assertThat(received.text()).isEqualTo("Subject: hello\r\n\r\n.dot line\r\nbye\r\n");
            smtp.send("QUIT").expect("221");
        }
    }

    @Test
    void nullSenderShouldBeStoredAsEmptyString() throws IOException {
        try (SmtpDialogue smtp = SmtpDialogue.connect(start())) {
            smtp.send("HELO client.example").expect("250");
            smtp.send("MAIL FROM:<>").expect("250");
            smtp.send("RCPT TO:<bob@customer.example>").expect("250");
            assertThat(smtp.data("Subject: bounce")).startsWith("250 2.0.0");
        }
        assertThat(intake.only().envelope().hasNullSender()).isTrue();
    }

    /**
     * A pipelining client (Postfix's smtp client) sends MAIL, RCPT and DATA in one write and reads
     * three replies: with Nagle's algorithm on the accepted socket the second reply waited for the
     * client's delayed ACK, ~40 ms a transaction. Twenty transactions must take well under that.
     */
    @Test
    void pipelinedTransactionsAreNotSlowedByDelayedAcks() throws IOException {
        int transactions = 20;
        try (SmtpDialogue smtp = SmtpDialogue.connect(start())) {
            smtp.send("EHLO client.example").expect("250");
            long started = System.nanoTime();
            for (int i = 0; i < transactions; i++) {
                pipelineTwoRecipients(smtp);
                smtp.sendRaw("Subject: " + i + "\r\n\r\nbody\r\n.\r\n");
                smtp.expect("250 2.0.0 Ok: queued as");
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis).as("ms for %d pipelined transactions", transactions).isLessThan(transactions * 15L);
        }
        assertThat(intake.received()).hasSize(transactions);
    }

    /** MAIL, two RCPTs and DATA in one write, then their four replies in order. */
    private static void pipelineTwoRecipients(SmtpDialogue smtp) throws IOException {
        smtp.sendRaw("MAIL FROM:<a@northwind.example>\r\nRCPT TO:<b@customer.example>\r\n"
                + "RCPT TO:<c@customer.example>\r\nDATA\r\n");
        smtp.expect("250");
        smtp.expect("250");
        smtp.expect("250");
        smtp.expect("354");
    }

    @Test
    void pipelinedCommandsShouldEachGetTheirReplyInOrder() throws IOException {
        try (SmtpDialogue smtp = SmtpDialogue.connect(start())) {
            smtp.send("EHLO client.example").expect("250");
            pipelineTwoRecipients(smtp);
            smtp.sendRaw("Subject: one\r\n\r\nfirst\r\n.\r\nMAIL FROM:<a@northwind.example>\r\n"
                    + "RCPT TO:<d@customer.example>\r\nDATA\r\n");
            smtp.expect("250 2.0.0 Ok: queued as");
            smtp.expect("250");
            smtp.expect("250");
            smtp.expect("354");
            smtp.sendRaw("Subject: two\r\n\r\nsecond\r\n.\r\nQUIT\r\n");
            smtp.expect("250 2.0.0 Ok: queued as");
            smtp.expect("221");
        }
        List<RecordingIntake.Received> received = intake.received();
        assertThat(received).hasSize(2);
        assertThat(received.get(0).envelope().recipients()).containsExactly("b@customer.example", "c@customer.example");
        assertThat(received.get(1).envelope().recipients()).containsExactly("d@customer.example");
        assertThat(received.get(1).text()).isEqualTo("Subject: two\r\n\r\nsecond\r\n");
    }

    @Test
    void recipientBeyondTheLimitShouldGet452AndTheOthersShouldStillBeQueued() throws IOException {
        TestSmtpSettings settings = new TestSmtpSettings();
        settings.maxRecipients = 2;
        try (SmtpDialogue smtp = SmtpDialogue.connect(start(settings))) {
            smtp.send("EHLO client.example").expect("250");
            smtp.send("MAIL FROM:<a@northwind.example>").expect("250");
            smtp.send("RCPT TO:<r1@customer.example>").expect("250");
            smtp.send("RCPT TO:<r2@customer.example>").expect("250");
            smtp.send("RCPT TO:<r3@customer.example>").expect("452 4.5.3");
            assertThat(smtp.data("Subject: x")).startsWith("250 2.0.0");
        }
        assertThat(intake.only().envelope().recipients()).containsExactly("r1@customer.example", "r2@customer.example");
    }

    @Test
    void oversizeMessageShouldGet552AndNeverReachIntake() throws IOException {
        TestSmtpSettings settings = new TestSmtpSettings();
        settings.maxMessageSize = 1000;
        try (SmtpDialogue smtp = SmtpDialogue.connect(start(settings))) {
            smtp.send("EHLO client.example").expect("250");
            smtp.send("MAIL FROM:<a@northwind.example> SIZE=5000").expect("552 5.3.4");
            smtp.send("MAIL FROM:<a@northwind.example>").expect("250");
            smtp.send("RCPT TO:<b@customer.example>").expect("250");
            assertThat(smtp.data("Subject: big\r\n\r\n" + "0123456789\r\n".repeat(100))).startsWith("552 5.3.4");
            // The session goes on: the rest of the big message was not taken for commands.
            smtp.send("MAIL FROM:<a@northwind.example>").expect("250");
            smtp.send("RCPT TO:<b@customer.example>").expect("250");
            assertThat(smtp.data("Subject: small")).startsWith("250 2.0.0");
        }
        assertThat(intake.only().text()).isEqualTo("Subject: small\r\n");
    }

    @Test
    void smugglingWithLfDotLfShouldNeverYieldASecondMessageNorA250() throws IOException {
        assertSmugglingRefused("Subject: first\r\n\r\nhello\n.\n");
    }

    @Test
    void smugglingWithCrlfDotCrShouldNeverYieldASecondMessageNorA250() throws IOException {
        assertSmugglingRefused("Subject: first\r\n\r\nhello\r\n.\r");
    }

    @Test
    void smugglingWithCrDotCrShouldNeverYieldASecondMessageNorA250() throws IOException {
        assertSmugglingRefused("Subject: first\r\n\r\nhello\r.\r");
    }

    /** The classic payload: a fake end of data, then a second transaction inside the first one's data. */
    private void assertSmugglingRefused(String fakeEnd) throws IOException {
        try (SmtpDialogue smtp = SmtpDialogue.connect(start())) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354");
            smtp.sendRaw(fakeEnd + "MAIL FROM:<ceo@northwind.example>\r\nRCPT TO:<victim@customer.example>\r\n"
                    + "DATA\r\nSubject: smuggled\r\n\r\npay now\r\n.\r\n");
            assertThat(smtp.reply()).isEqualTo("554 5.5.2 bare LF/CR not allowed");
            smtp.send("NOOP").expect("250");
        }
        assertThat(intake.received()).isEmpty();
    }

    @Test
    void temporaryIntakeFailureShouldGet451() throws IOException {
        intake.failWith(() -> {
            throw IntakeException.temporary("store unavailable, try again later", null);
        });
        try (SmtpDialogue smtp = SmtpDialogue.connect(start())) {
            openTransaction(smtp);
            assertThat(smtp.data("Subject: x")).isEqualTo("451 4.3.0 store unavailable, try again later");
        }
    }

    @Test
    void permanentIntakeFailureShouldGet550() throws IOException {
        intake.failWith(() -> {
            throw IntakeException.permanent("message refused by policy");
        });
        try (SmtpDialogue smtp = SmtpDialogue.connect(start())) {
            openTransaction(smtp);
            assertThat(smtp.data("Subject: x")).isEqualTo("550 5.7.1 message refused by policy");
        }
    }

    @Test
    void unexpectedIntakeErrorShouldGet451AndALogLineNeverA250() throws IOException {
        intake.failWith(() -> {
            throw new IllegalStateException("disk on fire");
        });
        ListAppender<ILoggingEvent> logs = capture(IntakeTransaction.class);
        try (SmtpDialogue smtp = SmtpDialogue.connect(start())) {
            openTransaction(smtp);
            assertThat(smtp.data("Subject: x")).startsWith("451 4.3.0");
            smtp.send("NOOP").expect("250");
        }
        assertThat(logs.list).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).startsWith("intake failed");
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo("disk on fire");
        });
    }

    @Test
    void acceptedMessageShouldBeLoggedWithSessionAndMessageIdInTheMdc() throws IOException {
        ListAppender<ILoggingEvent> logs = capture(IntakeTransaction.class);
        try (SmtpDialogue smtp = SmtpDialogue.connect(start())) {
            openTransaction(smtp);
            smtp.data("Subject: x");
        }
        String id = intake.only().id().value();
        assertThat(logs.list).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains("accepted id=" + id, "from=<a@northwind.example>",
                    "nrcpt=1", "client=127.0.0.1");
            assertThat(e.getMDCPropertyMap()).containsEntry("msg", id).containsKey("session");
        });
    }

    @Test
    void clientOutsideAllowedNetworksShouldGetRelayAccessDenied() throws IOException {
        TestSmtpSettings settings = new TestSmtpSettings();
        settings.allowedNetworks = List.of("127.0.0.1/32");
        int port = start(settings);
        try (SmtpDialogue smtp = SmtpDialogue.connectFrom("127.0.0.2", port)) {
            smtp.send("EHLO client.example").expect("250");
            smtp.send("MAIL FROM:<a@northwind.example>").expect("250");
            smtp.send("RCPT TO:<b@customer.example>").expect("554 5.7.1 Relay access denied");
            smtp.send("DATA").expect("503");
        }
        try (SmtpDialogue smtp = SmtpDialogue.connectFrom("127.0.0.1", port)) {
            openTransaction(smtp);
        }
        assertThat(intake.received()).isEmpty();
    }

    @Test
    void tlsRequiredShouldRefuseMailBeforeStartTls() throws Exception {
        TestSmtpSettings settings = new TestSmtpSettings().withTls();
        settings.tlsRequired = true;
        try (SmtpDialogue smtp = SmtpDialogue.connect(start(settings))) {
            smtp.send("EHLO client.example").expect("250");
            smtp.send("MAIL FROM:<a@northwind.example>").expect("530 5.7.0");
            smtp.startTls(TestTls.trustingTestCertificate());
            smtp.send("EHLO client.example").expect("250");
            smtp.send("MAIL FROM:<a@northwind.example>").expect("250");
        }
    }

    @Test
    void bdatShouldBeRefusedBecauseChunkingIsNotOffered() throws IOException {
        try (SmtpDialogue smtp = SmtpDialogue.connect(start())) {
            openTransaction(smtp);
            smtp.send("BDAT 5 LAST").expect("502");
        }
        assertThat(intake.received()).isEmpty();
    }

    @Test
    void connectionBeyondMaxConnectionsShouldGet421() throws IOException {
        TestSmtpSettings settings = new TestSmtpSettings();
        settings.maxConnections = 1;
        int port = start(settings);
        try (SmtpDialogue first = SmtpDialogue.connect(port)) {
            first.send("NOOP").expect("250");
            try (SmtpDialogue second = SmtpDialogue.open(port)) {
                assertThat(second.reply()).startsWith("421");
            }
        }
    }

    @Test
    void idleSessionShouldBeClosedAfterTheSessionTimeout() throws IOException {
        TestSmtpSettings settings = new TestSmtpSettings();
        settings.sessionTimeout = Duration.ofMillis(500);
        try (SmtpDialogue smtp = SmtpDialogue.connect(start(settings))) {
            assertThat(smtp.reply()).startsWith("421");
            assertThat(smtp.isClosedByServer()).isTrue();
        }
    }

    @Test
    void gracefulStopShouldLetASessionInProgressFinishAndRefuseNewConnections() throws Exception {
        int port = start();
        try (SmtpDialogue smtp = SmtpDialogue.connect(port)) {
            smtp.send("EHLO client.example").expect("250");
            smtp.send("MAIL FROM:<a@northwind.example>").expect("250");
            Thread stopper = new Thread(() -> server.stop(Duration.ofSeconds(20)));
            stopper.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> !canConnect(port));
            smtp.send("RCPT TO:<b@customer.example>").expect("250");
            assertThat(smtp.data("Subject: late")).startsWith("250 2.0.0");
            smtp.send("QUIT").expect("221");
            stopper.join(Duration.ofSeconds(10).toMillis());
            assertThat(stopper.isAlive()).isFalse();
        }
        assertThat(intake.received()).hasSize(1);
        server = null;
    }

    /** EHLO, MAIL FROM a@northwind.example, RCPT TO b@customer.example, each answered 250. */
    private static void openTransaction(SmtpDialogue smtp) throws IOException {
        smtp.send("EHLO client.example").expect("250");
        smtp.send("MAIL FROM:<a@northwind.example>").expect("250");
        smtp.send("RCPT TO:<b@customer.example>").expect("250");
    }

    private static boolean canConnect(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger logger = (Logger) LoggerFactory.getLogger(type);
        // the test log configuration keeps the console quiet (WARN); this test reads INFO lines
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(appender);
        return appender;
    }

}
