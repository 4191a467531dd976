package org.tactgate.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tactgate.config.DeliverySettings;
import org.tactgate.config.DeliverySettings.StartTls;
import org.tactgate.config.HostPort;
import org.tactgate.message.Inspection;
import org.tactgate.message.Decision;
import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;

/** Fixtures for delivery tests: messages as intake would store them, and settings with short timings. */
final class TestMessages {
    static final String HOSTNAME = "relay.test";

    private TestMessages() {
    }

    static NewMessage queued(String sender, List<String> recipients, String content) {
        return queued(sender, recipients, content.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    static NewMessage queued(String sender, List<String> recipients, byte[] content, Instant receivedAt) {
        Envelope envelope = new Envelope(sender, recipients, "192.0.2.7", "client.example", Optional.empty(), receivedAt);
        return new NewMessage(MessageId.next(), envelope, content, Decision.pass(Inspection.NOTHING), MessageState.QUEUED);
    }

    static String simpleMessage(String subject) {
        return "From: Alice <alice@northwind.example>\r\n"
                + "To: Bob <bob@customer.example>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + subject.hashCode() + "@northwind.example>\r\n"
                + "\r\n"
                + "Hello Bob,\r\n"
                + ".a line that starts with a dot\r\n"
                + "..and one with two\r\n"
                + ".\r\n"
                + "the end\r\n";
    }

    static DeliverySettings settings(Optional<HostPort> upstream, Path outbox, int workers, Duration maxAge) {
        return new DeliverySettings(upstream, StartTls.NEVER, Optional.empty(), Optional.empty(), Optional.empty(), outbox, workers,
                Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(1), maxAge, Duration.ofMillis(200));
    }

    static DeliverySettings smtp(int port, int workers) {
        return settings(Optional.of(new HostPort("127.0.0.1", port)), Path.of("unused-outbox"), workers,
                Duration.ofHours(1));
    }

    /** The bytes after the first header field (its continuation lines included). */
    static byte[] withoutFirstHeader(byte[] content) {
        int i = 0;
        while (true) {
            int eol = indexOf(content, (byte) '\n', i);
            i = eol + 1;
            if (i >= content.length || (content[i] != ' ' && content[i] != '\t')) {
                return Arrays.copyOfRange(content, i, content.length);
            }
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("no line end");
    }
}
