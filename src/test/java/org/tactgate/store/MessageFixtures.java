package org.tactgate.store;

import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.message.Decision;
import org.tactgate.message.Verdict;

/** Messages to store in tests: non-ASCII, CRLF, raw 8-bit bytes, a decision with findings. */
final class MessageFixtures {
    /** A fixed, microsecond-precise instant: the stores keep instants to the microsecond. */
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");
    static final Duration LEASE = Duration.ofMinutes(5);

    private MessageFixtures() {
    }

    static NewMessage message(MessageState state, Instant receivedAt, String... recipients) {
        MessageId id = MessageId.next();
        Envelope envelope = new Envelope("planner@northwind-hotels.example", List.of(recipients), "127.0.0.1",
                "mx.northwind-hotels.example", Optional.of("planner"), receivedAt);
        Decision decision = new Decision(Verdict.HOLD, "disparagement-to-customer", new Inspection(List.of(
                new Finding("disparagement", 0.93, "body", "I don’t think they are «our» type — ça va?",
                        "speaks ill of a customer"))));
        return new NewMessage(id, envelope, content(id), decision, state);
    }

    static NewMessage queued(Instant receivedAt) {
        return message(MessageState.QUEUED, receivedAt, "couple@example.com", "boss@northwind-hotels.example");
    }

    /** RFC 5322 bytes with CRLF line ends, UTF-8 text, and bytes that are not UTF-8 at all. */
    static byte[] content(MessageId id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("Message-ID: <" + id + "@northwind.example>\r\nSubject: Grüße aus Zürich\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nLe café est prêt — 日本語 ✓\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {0, (byte) 0xff, (byte) 0x80, (byte) 0xe9, '\r', '\n', '.', '\r', '\n'});
        return out.toByteArray();
    }

    static DeliveryOutcome outcome(Instant nextAttemptAt, DeliveryOutcome.RecipientResult... results) {
        return new DeliveryOutcome(List.of(results), nextAttemptAt, Optional.empty(), Optional.empty());
    }

    static DeliveryOutcome.RecipientResult delivered(String address) {
        return new DeliveryOutcome.RecipientResult(address, RecipientStatus.State.DELIVERED, "250 2.0.0 Ok");
    }

    static DeliveryOutcome.RecipientResult failed(String address) {
        return new DeliveryOutcome.RecipientResult(address, RecipientStatus.State.FAILED, "550 5.1.1 No such user");
    }

    static DeliveryOutcome.RecipientResult pending(String address) {
        return new DeliveryOutcome.RecipientResult(address, RecipientStatus.State.PENDING, "451 4.3.0 Try later");
    }
}
