package org.tactgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.tactgate.testing.Mailboxes;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tactgate.config.DeliverySettings;
import org.tactgate.config.HostPort;
import org.tactgate.store.InMemoryMessageStore;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;
import org.tactgate.store.RecipientStatus;
import org.tactgate.store.RecipientStatus.State;
import org.tactgate.store.StoredMessage;

/** The delivery queue against real SMTP servers on loopback: GreenMail and a SubEthaSMTP sink. */
class SmtpDeliveryIT {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private RecordingSmtpServer sink;
    private DeliveryQueue queue;

    @AfterEach
    void tearDown() {
        if (queue != null) {
            queue.stop(Duration.ofSeconds(5));
        }
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void deliveryShouldReachBccRecipientAndKeepSender() throws Exception {
        NewMessage m = TestMessages.queued("alice@northwind.example",
                List.of("bob@customer.example", "carol@hidden.example"), TestMessages.simpleMessage("bcc"));
        store.accept(m);
        startQueue(TestMessages.smtp(greenMail.getSmtp().getPort(), 2), plainUpstream(greenMail.getSmtp().getPort()));

        awaitState(m, MessageState.DELIVERED);
        List<MimeMessage> bcc = mailbox("carol@hidden.example");
        assertThat(bcc).hasSize(1);
        assertThat(bcc.get(0).getHeader("Return-Path")).containsExactly("<alice@northwind.example>");
        assertThat(bcc.get(0).getHeader("Bcc")).isNull();
        assertThat(mailbox("bob@customer.example")).hasSize(1);
    }

    @Test
    void deliveryShouldSendStoredBytesUnchangedBehindOneReceivedHeader() {
        sink = RecordingSmtpServer.onAnyPort();
        byte[] stored = (TestMessages.simpleMessage("bytes") + "caf\u00e9 8-bit line\r\nno final newline")
                .getBytes(StandardCharsets.UTF_8);
        NewMessage m = TestMessages.queued("alice@northwind.example", List.of("bob@customer.example"), stored,
                Instant.parse("2025-06-03T11:05:30Z"));
        store.accept(m);
        startQueue(TestMessages.smtp(sink.port(), 1), plainUpstream(sink.port()));

        awaitState(m, MessageState.DELIVERED);
        RecordingSmtpServer.Received got = sink.received().get(0);
        assertThat(got.sender()).isEqualTo("alice@northwind.example");
        assertThat(got.recipients()).containsExactly("bob@customer.example");
        String text = new String(got.content(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("Received: from client.example (192.0.2.7)\r\n\tby relay.test (Tactgate) "
                + "with ESMTP id " + m.id() + "\r\n\tfor <bob@customer.example>;\r\n\tTue, 3 Jun 2025 11:05:30 +0000\r\n");
        // DATA always ends on a line boundary, so the receiver sees the missing CRLF added.
        byte[] expected = Arrays.copyOf(stored, stored.length + 2);
        expected[stored.length] = '\r';
        expected[stored.length + 1] = '\n';
        assertThat(TestMessages.withoutFirstHeader(got.content())).isEqualTo(expected);
    }

    @Test
    void messageShouldBeDeferredWhileUpstreamIsDownThenDeliveredWhenItComesUp() throws IOException {
        int port = freePort();
        NewMessage m = storeFromAliceToBob("later");
        startQueue(TestMessages.smtp(port, 1), plainUpstream(port));

        await().atMost(PATIENCE).until(() -> find(m).state() == MessageState.DEFERRED);
        StoredMessage deferred = find(m);
        assertThat(deferred.nextAttemptAt()).isAfter(m.envelope().receivedAt());
        assertThat(deferred.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("4.4.2"));
        assertThat(deferred.recipients()).extracting(RecipientStatus::state).containsExactly(State.PENDING);

        sink = new RecordingSmtpServer(port);
        awaitState(m, MessageState.DELIVERED);
        assertThat(find(m).attempts()).isGreaterThanOrEqualTo(2);
        assertThat(sink.received()).hasSize(1);
    }

    @Test
    void permanentRefusalShouldFailThatRecipientOnlyAndSendDsnToSender() throws Exception {
        sink = RecordingSmtpServer.onAnyPort();
        sink.refuse("nobody@customer.example", 550, "5.1.1 <nobody@customer.example>: no such user");
        NewMessage m = TestMessages.queued("alice@northwind.example",
                List.of("bob@customer.example", "nobody@customer.example", "carol@hidden.example"),
                TestMessages.simpleMessage("partly"));
        store.accept(m);
        startQueue(TestMessages.smtp(sink.port(), 2), dsnsToGreenMail(sink.port()));

        awaitState(m, MessageState.FAILED);
        assertThat(find(m).recipients()).extracting(RecipientStatus::address, RecipientStatus::state).containsExactly(
                tuple("bob@customer.example", State.DELIVERED),
                tuple("nobody@customer.example", State.FAILED),
                tuple("carol@hidden.example", State.DELIVERED));
        assertThat(sink.received()).singleElement().satisfies(r ->
                assertThat(r.recipients()).containsExactly("bob@customer.example", "carol@hidden.example"));

        MimeMessage dsn = awaitDsn();
        assertThat(dsn.getRecipients(Message.RecipientType.TO)).extracting(Address::toString)
                .containsExactly("alice@northwind.example");
        String status = deliveryStatus(dsn);
        assertThat(status).contains("Final-Recipient: rfc822; nobody@customer.example",
                "Action: failed", "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 <nobody@customer.example>: no such user");
        assertThat(status).doesNotContain("bob@customer.example", "carol@hidden.example");
    }

    @Test
    void messageShouldFailWithDsnWhenMaxAgeExpiresWhileUpstreamIsDown() throws Exception {
        int port = freePort();
        NewMessage m = storeFromAliceToBob("expiring");
        DeliverySettings settings = TestMessages.settings(Optional.of(new HostPort("127.0.0.1", port)),
                java.nio.file.Path.of("unused"), 1, Duration.ofMillis(1500));
        startQueue(settings, dsnsToGreenMail(port));

        awaitState(m, MessageState.FAILED);
        assertThat(find(m).recipients()).singleElement().satisfies(r ->
                assertThat(r.lastReply()).hasValue(RetrySchedule.EXPIRED_REPLY));
        assertThat(deliveryStatus(awaitDsn())).contains("Final-Recipient: rfc822; bob@customer.example",
                "Status: 4.4.7", "Action: failed");
    }

    @Test
    void nullSenderMessageShouldKeepNullSenderOnTheWireAndFailWithoutDsn() {
        sink = RecordingSmtpServer.onAnyPort();
        sink.refuse("gone@customer.example", 550, "5.1.1 no such user");
        NewMessage bounce = TestMessages.queued("", List.of("bob@customer.example", "gone@customer.example"),
                TestMessages.simpleMessage("a bounce"));
        store.accept(bounce);
        startQueue(TestMessages.smtp(sink.port(), 1), plainUpstream(sink.port()));

        awaitState(bounce, MessageState.FAILED);
        assertThat(sink.received()).singleElement().satisfies(r -> assertThat(r.sender()).isEmpty());
        assertThat(store.countByState()).isEqualTo(Map.of(MessageState.FAILED, 1L));
    }

    @Test
    void temporaryRefusalShouldLeaveRecipientPendingAndDeliverTheOthers() {
        sink = RecordingSmtpServer.onAnyPort();
        sink.refuse("busy@customer.example", 451, "4.3.0 mailbox busy");
        NewMessage m = TestMessages.queued("alice@northwind.example",
                List.of("bob@customer.example", "busy@customer.example"), TestMessages.simpleMessage("busy"));
        store.accept(m);
        startQueue(TestMessages.smtp(sink.port(), 1), plainUpstream(sink.port()));

        await().atMost(PATIENCE).until(() -> find(m).state() == MessageState.DEFERRED);
        assertThat(find(m).recipients()).extracting(RecipientStatus::state)
                .containsExactly(State.DELIVERED, State.PENDING);
        assertThat(find(m).recipients().get(1).lastReply()).hasValue("451 4.3.0 mailbox busy");
    }

    @Test
    void consecutiveMessagesShouldShareOneConnection() {
        sink = RecordingSmtpServer.onAnyPort();
        List<NewMessage> messages = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> TestMessages.queued("alice@northwind.example", List.of("bob@customer.example"),
                        TestMessages.simpleMessage("reuse " + i)))
                .toList();
        messages.forEach(store::accept);
        startQueue(TestMessages.smtp(sink.port(), 1), plainUpstream(sink.port()));

        await().atMost(PATIENCE).until(() -> store.countByState().getOrDefault(MessageState.DELIVERED, 0L) == 12L);
        assertThat(sink.received()).hasSize(12);
        assertThat(sink.sessionCount()).isEqualTo(1);
    }

    @Test
    void wakeShouldStartDeliveryBeforeThePollInterval() {
        sink = RecordingSmtpServer.onAnyPort();
        DeliverySettings slowPoll = new DeliverySettings(Optional.of(new HostPort("127.0.0.1", sink.port())),
                DeliverySettings.StartTls.NEVER, Optional.empty(), Optional.empty(), Optional.empty(),
                java.nio.file.Path.of("unused"),
                1, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1),
                Duration.ofMinutes(10));
        startQueue(slowPoll, plainUpstream(sink.port()));
        // Let the worker find nothing and settle into its (long) wait.
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);

        NewMessage m = storeFromAliceToBob("woken");
        queue.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> find(m).state() == MessageState.DELIVERED);
    }

    private NewMessage storeFromAliceToBob(String subject) {
        NewMessage m = TestMessages.queued("alice@northwind.example", List.of("bob@customer.example"),
                TestMessages.simpleMessage(subject));
        store.accept(m);
        return m;
    }

    private void startQueue(DeliverySettings settings, Supplier<Upstream> upstreams) {
        queue = new DeliveryQueue(store, settings, TestMessages.HOSTNAME, upstreams, java.time.Clock.systemUTC());
        queue.start();
    }

    private static Supplier<Upstream> plainUpstream(int port) {
        return Upstream.factory(TestMessages.smtp(port, 1), TestMessages.HOSTNAME);
    }

    private static List<MimeMessage> mailbox(String address) {
        return Mailboxes.of(greenMail, address);
    }

    /**
     * DSNs (null sender) go to GreenMail, everything else to {@code port}: both real SMTP upstreams.
     * GreenMail 2.1.3 answers 250 to {@code MAIL FROM:<>} but then refuses every RCPT ("503 MAIL
     * must come before RCPT"), so for GreenMail only, the DSN's envelope sender is a stand-in; its
     * bytes are untouched. The null sender on the wire is checked against SubEthaSMTP instead.
     */
    private static Supplier<Upstream> dsnsToGreenMail(int port) {
        Supplier<Upstream> main = plainUpstream(port);
        Supplier<Upstream> mailbox = plainUpstream(greenMail.getSmtp().getPort());
        return () -> new Upstream() {
            private final Upstream toMain = main.get();
            private final Upstream toMailbox = mailbox.get();

            @Override
            public AttemptResult attempt(Attempt attempt) {
                if (attempt.sender().isEmpty()) {
                    return toMailbox.attempt(new Attempt(attempt.id(), "mailer-daemon@relay.test",
                            attempt.recipients(), attempt.content()));
                }
                return toMain.attempt(attempt);
            }

            @Override
            public void close() {
                toMain.close();
                toMailbox.close();
            }
        };
    }

    private MimeMessage awaitDsn() throws Exception {
        await().atMost(PATIENCE).until(() -> greenMail.getReceivedMessagesForDomain("northwind.example").length == 1);
        MimeMessage dsn = greenMail.getReceivedMessagesForDomain("northwind.example")[0];
        assertThat(dsn.getContentType()).startsWith("multipart/report").contains("report-type=delivery-status");
        assertThat(dsn.getFrom()[0].toString()).contains("MAILER-DAEMON@relay.test");
        return dsn;
    }

    private static String deliveryStatus(MimeMessage dsn) throws Exception {
        MimeMultipart report = (MimeMultipart) dsn.getContent();
        assertThat(report.getCount()).isEqualTo(3);
        assertThat(report.getBodyPart(1).getContentType()).startsWith("message/delivery-status");
        assertThat(report.getBodyPart(2).getContentType()).startsWith("text/rfc822-headers");
        try (InputStream in = report.getBodyPart(1).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void awaitState(NewMessage m, MessageState state) {
        await().atMost(PATIENCE).until(() -> find(m).state() == state);
    }

    private StoredMessage find(NewMessage m) {
        return store.find(m.id()).orElseThrow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
