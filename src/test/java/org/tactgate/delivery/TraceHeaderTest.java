package org.tactgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;

class TraceHeaderTest {
    private final MessageId id = new MessageId("0abc123def456ghi789");
    private final Instant at = Instant.parse("2025-06-03T11:05:30Z");

    @Test
    void headerShouldNameTheSingleRecipient() {
        Envelope e = new Envelope("a@x.example", List.of("b@y.example"), "192.0.2.7", "client.example", Optional.empty(), at);
        assertThat(TraceHeader.received(id, e, "relay.test")).isEqualTo(
                "Received: from client.example (192.0.2.7)\r\n\tby relay.test (Tactgate) with ESMTP id "
                        + "0abc123def456ghi789\r\n\tfor <b@y.example>;\r\n\tTue, 3 Jun 2025 11:05:30 +0000\r\n");
    }

    @Test
    void headerShouldNotListRecipientsWhenThereAreSeveral() {
        Envelope e = new Envelope("a@x.example", List.of("b@y.example", "secret-bcc@z.example"), "192.0.2.7",
                "client.example", Optional.empty(), at);
        assertThat(TraceHeader.received(id, e, "relay.test")).doesNotContain("for <", "secret-bcc");
    }

    @Test
    void hostileHeloShouldNotBreakTheHeader() {
        Envelope e = new Envelope("", List.of("b@y.example"), "192.0.2.7", "evil\r\nBcc: x@evil.example (x)",
                Optional.empty(), at);
        String header = TraceHeader.received(id, e, "relay.test");
        assertThat(header).startsWith("Received: from evil__Bcc:_x@evil.example__x_ (192.0.2.7)\r\n");
        assertThat(header.split("\r\n")).allSatisfy(line ->
                assertThat(line).matches("(Received: |\\t).*"));
    }
}
