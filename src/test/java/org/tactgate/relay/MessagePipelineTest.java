package org.tactgate.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.message.Decision;
import org.tactgate.policy.Policy;
import org.tactgate.message.Verdict;
import org.tactgate.smtp.IntakeException;
import org.tactgate.message.Envelope;
import org.tactgate.store.InMemoryMessageStore;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.StoredMessage;

class MessagePipelineTest {
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final AtomicInteger wakes = new AtomicInteger();
    private final Envelope envelope = new Envelope("ann@northwind.example", List.of("bob@client.example"),
            "127.0.0.1", "client.example", Optional.empty(), Instant.now());
    private final byte[] content = "Subject: hi\r\n\r\nHello\r\n".getBytes(StandardCharsets.US_ASCII);

    private MessagePipeline pipeline(MessageInspector inspector, Policy policy) {
        return new MessagePipeline(inspector, policy, store, wakes::incrementAndGet);
    }

    @Test
    void passedMessageShouldBeStoredQueuedAndWakeDelivery() throws Exception {
        MessageId id = pipeline(MessageInspector.PASS_THROUGH, Policy.PASS_ALL).receive(envelope, content);

        StoredMessage stored = store.find(id).orElseThrow();
        assertThat(stored.state()).isEqualTo(MessageState.QUEUED);
        assertThat(store.content(id)).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
        assertThat(wakes).hasValue(1);
    }

    @Test
    void heldMessageShouldBeStoredWithItsFindingsAndNotWakeDelivery() throws Exception {
        Finding finding = new Finding("blame", 0.9, "body", "You knew, didn't you?", "accusing tag question");
        Policy holdAll = (env, inspection) -> new Decision(Verdict.HOLD, "blame", inspection);
        MessageId id = pipeline((env, bytes) -> new Inspection(List.of(finding)), holdAll).receive(envelope, content);

        StoredMessage stored = store.find(id).orElseThrow();
        assertThat(stored.state()).isEqualTo(MessageState.HELD);
        assertThat(stored.decision().inspection().findings()).containsExactly(finding);
        assertThat(wakes).hasValue(0);
    }

    @Test
    void failingInspectorShouldHoldTheMessageNotPassOrDropIt() throws Exception {
        MessageInspector broken = (env, bytes) -> { throw new IllegalStateException("boom"); };
        MessageId id = pipeline(broken, Policy.PASS_ALL).receive(envelope, content);

        StoredMessage stored = store.find(id).orElseThrow();
        assertThat(stored.state()).isEqualTo(MessageState.HELD);
        assertThat(stored.decision().rule()).isEqualTo("fail-closed");
        assertThat(stored.decision().inspection().findings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("boom"));
    }

    @Test
    void rejectVerdictShouldRefusePermanentlyAndStoreNothing() {
        Policy reject = (env, inspection) -> new Decision(Verdict.REJECT, "no-way", inspection);
        assertThatThrownBy(() -> pipeline(MessageInspector.PASS_THROUGH, reject).receive(envelope, content))
                .isInstanceOfSatisfying(IntakeException.class, e -> assertThat(e.code()).isEqualTo(550));
        assertThat(store.countByState()).isEmpty();
    }

    @Test
    void storeFailureShouldAnswerTemporaryFailure() {
        MessagePipeline broken = new MessagePipeline(MessageInspector.PASS_THROUGH, Policy.PASS_ALL,
                new FailingStore(), () -> { });
        assertThatThrownBy(() -> broken.receive(envelope, content))
                .isInstanceOfSatisfying(IntakeException.class, e -> {
                    assertThat(e.isTemporary()).isTrue();
                    assertThat(e.reply()).startsWith("451 4.3.0");
                });
    }
}
