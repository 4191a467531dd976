package org.tactgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.store.DeliveryOutcome.RecipientResult;
import org.tactgate.store.InMemoryMessageStore;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;
import org.tactgate.store.RecipientStatus.State;

import static org.awaitility.Awaitility.await;

class OutboxUpstreamTest {

    @TempDir
    Path outbox;

    @Test
    void attemptShouldWriteMessageAndEnvelopeAndDeliverEveryRecipient() throws Exception {
        MessageId id = MessageId.next();
        byte[] bytes = "Received: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        AttemptResult result = new OutboxUpstream(outbox.resolve("new"))
                .attempt(new Attempt(id, "", List.of("a@x.example", "b@y.example"), bytes));

        assertThat(result.results()).extracting(RecipientResult::state).containsOnly(State.DELIVERED);
        assertThat(result.error()).isEmpty();
        assertThat(Files.readAllBytes(outbox.resolve("new/" + id + ".eml"))).isEqualTo(bytes);
        JsonNode envelope = new ObjectMapper().readTree(outbox.resolve("new/" + id + ".envelope.json").toFile());
        assertThat(envelope.get("sender").asText()).isEmpty();
        assertThat(envelope.get("recipients")).extracting(JsonNode::asText).containsExactly("a@x.example", "b@y.example");
        try (var files = Files.list(outbox.resolve("new"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(id + ".eml", id + ".envelope.json");
        }
    }

    @Test
    void unwritableOutboxShouldLeaveRecipientsPending() throws Exception {
        Path notAFolder = Files.writeString(outbox.resolve("file"), "x");
        AttemptResult result = new OutboxUpstream(notAFolder)
                .attempt(new Attempt(MessageId.next(), "a@x.example", List.of("b@y.example"), new byte[] {'x'}));
        assertThat(result.results()).extracting(RecipientResult::state).containsExactly(State.PENDING);
        assertThat(result.error()).isPresent();
    }

    @Test
    void queueWithoutUpstreamHostShouldDeliverIntoTheOutboxWithTraceHeader() throws Exception {
        InMemoryMessageStore store = new InMemoryMessageStore();
        NewMessage m = TestMessages.queued("alice@northwind.example", List.of("bob@customer.example"),
                TestMessages.simpleMessage("outbox"));
        store.accept(m);
        DeliveryQueue queue = new DeliveryQueue(store,
                TestMessages.settings(Optional.empty(), outbox, 2, Duration.ofHours(1)), TestMessages.HOSTNAME);
        queue.start();
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> store.find(m.id()).orElseThrow().state() == MessageState.DELIVERED);
        } finally {
            assertThat(queue.stop(Duration.ofSeconds(5))).isTrue();
        }
        byte[] eml = Files.readAllBytes(outbox.resolve(m.id() + ".eml"));
        assertThat(new String(eml, StandardCharsets.UTF_8)).startsWith("Received: from client.example (192.0.2.7)");
        assertThat(TestMessages.withoutFirstHeader(eml)).isEqualTo(m.content());
    }
}
