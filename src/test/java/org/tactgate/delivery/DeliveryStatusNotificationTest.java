package org.tactgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tactgate.store.DeliveryOutcome.RecipientResult;
import org.tactgate.store.InMemoryMessageStore;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;
import org.tactgate.store.RecipientStatus.State;
import org.tactgate.store.StoredMessage;

class DeliveryStatusNotificationTest {
    private final DeliveryStatusNotification dsn = new DeliveryStatusNotification("relay.test",
            Clock.fixed(Instant.parse("2025-06-04T08:00:00Z"), ZoneOffset.UTC));
    private final RecipientResult refused =
            new RecipientResult("nobody@customer.example", State.FAILED, "550 5.1.1 no such user");

    @Test
    void dsnShouldBeAQueuedNullSenderReportToTheOriginalSender() throws Exception {
        StoredMessage original = stored("alice@northwind.example");
        NewMessage bounce = dsn.build(original, TestMessages.simpleMessage("hi").getBytes(StandardCharsets.UTF_8),
                List.of(refused)).orElseThrow();

        assertThat(bounce.state()).isEqualTo(MessageState.QUEUED);
        assertThat(bounce.envelope().hasNullSender()).isTrue();
        assertThat(bounce.envelope().recipients()).containsExactly("alice@northwind.example");
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(bounce.content()));
        assertThat(parsed.getContentType()).startsWith("multipart/report").contains("report-type=delivery-status");
        assertThat(parsed.getHeader("Auto-Submitted")).containsExactly("auto-replied");
        MimeMultipart parts = (MimeMultipart) parsed.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("<nobody@customer.example>: 550 5.1.1 no such user");
        String status = new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(status).contains("Reporting-MTA: dns; relay.test", "Arrival-Date: ",
                "Final-Recipient: rfc822; nobody@customer.example", "Status: 5.1.1");
        String headers = new String(parts.getBodyPart(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(headers).contains("Subject: hi").doesNotContain("Hello Bob");
    }

    @Test
    void nullSenderMessageShouldGetNoDsn() {
        assertThat(dsn.build(stored(""), new byte[] {'x'}, List.of(refused))).isEmpty();
    }

    @Test
    void statusShouldComeFromTheReplyOrDefaultToPermanent() {
        assertThat(DeliveryStatusNotification.status("550 5.7.1 relaying denied")).isEqualTo("5.7.1");
        assertThat(DeliveryStatusNotification.status(RetrySchedule.EXPIRED_REPLY)).isEqualTo("4.4.7");
        assertThat(DeliveryStatusNotification.status("554 rejected")).isEqualTo("5.0.0");
    }

    private static StoredMessage stored(String sender) {
        InMemoryMessageStore store = new InMemoryMessageStore();
        NewMessage m = TestMessages.queued(sender, List.of("nobody@customer.example"), "Subject: x\r\n\r\nbody\r\n");
        store.accept(m);
        return store.find(m.id()).orElseThrow();
    }
}
