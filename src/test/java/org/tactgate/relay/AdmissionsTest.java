package org.tactgate.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tactgate.config.DirectorySettings;
import org.tactgate.directory.Directory;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.notify.LinkSigner;
import org.tactgate.notify.Notices;
import org.tactgate.policy.RulePolicy;
import org.tactgate.policy.RulesFile;
import org.tactgate.smtp.IntakeException;
import org.tactgate.store.AuditEntry;
import org.tactgate.message.Envelope;
import org.tactgate.store.Hold;
import org.tactgate.store.InMemoryMessageStore;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.StoredMessage;

/** What each verdict commits with the message, through the pipeline, on the in-memory store. */
class AdmissionsTest {
    private static final String RULES = """
            [rule reject]
            finding = threat >= 0.5
            verdict = REJECT
            reason = threats are not sent from this organisation
            [rule tag]
            finding = sarcasm >= 0.5
            verdict = TAG
            tag-subject = "[Check tone] "
            [rule bounce]
            finding = blame >= 0.9
            verdict = BOUNCE
            reason = blaming customers is against our guidelines
            [rule approve]
            finding = blame >= 0.5
            verdict = HOLD
            approver = boss@northwind.example
            approval = instead
            """;
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final Directory directory = Directory.of(new DirectorySettings(List.of("northwind.example"),
            Optional.empty(), true, List.of()));
    private final LinkSigner signer = new LinkSigner(new byte[32], Clock.systemUTC());
    private final Envelope envelope = new Envelope("ann@northwind.example", List.of("joan@client.example"),
            "127.0.0.1", "client", Optional.empty(), Instant.now());
    private final byte[] content = "Subject: The DJ\r\nTo: joan@client.example\r\n\r\nHello\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private MessageId receive(String detector, double score) throws Exception {
        MessageInspector inspector = (env, bytes) -> new Inspection(List.of(
                new Finding(detector, score, "body", "You knew, didn't you?", "accusing")));
        return receive(inspector, content);
    }

    private MessageId receive(MessageInspector inspector, byte[] bytes) throws Exception {
        RulePolicy policy = new RulePolicy(RulesFile.parse("t.rules", RULES), directory, Map.of(), false,
                Clock.systemUTC());
        Notices notices = new Notices(signer, "http://127.0.0.1:8025", "tactgate@northwind.example", "relay",
                Clock.systemUTC());
        Admissions admissions = new Admissions(directory, notices, List.of(), false, Clock.systemUTC());
        return new MessagePipeline(inspector, policy, store, () -> { }, Optional.of(admissions), Optional.of(signer),
                decision -> { })
                .receive(envelope, bytes);
    }

    private List<StoredMessage> noticesTo(String address) {
        return store.list(MessageState.QUEUED, 100).stream()
                .filter(m -> m.decision().rule().equals("notice") && m.envelope().recipients().contains(address)).toList();
    }

    @Test
    void tagShouldQueueTheMessageWithHeadersAndTheSubjectPrefix() throws Exception {
        MessageId id = receive("sarcasm", 0.7);

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        String tagged = new String(store.content(id).orElseThrow(), StandardCharsets.US_ASCII);
        assertThat(tagged).contains("X-Tactgate-Verdict: TAG", "X-Tactgate-Rule: tag", "X-Tactgate-Findings: sarcasm=0.70",
                "Subject: [Check tone] The DJ");
    }

    @Test
    void bounceShouldReturnTheMessageToTheSenderWithTheReason() throws Exception {
        MessageId id = receive("blame", 0.95);

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.BOUNCED);
        assertThat(noticesTo("ann@northwind.example")).singleElement().satisfies(n ->
                assertThat(new String(store.content(n.id()).orElseThrow(), StandardCharsets.UTF_8))
                        .contains("blaming customers is against our guidelines", "message/rfc822"));
        assertThat(store.audit().forMessage(id)).extracting(AuditEntry::action).containsExactly("verdict", "notice");
    }

    @Test
    void holdWithAnApproverInsteadShouldAskTheApproverAndLetTheSenderOnlyWithdraw() throws Exception {
        MessageId id = receive("blame", 0.6);

        assertThat(store.hold(id)).hasValueSatisfying(h -> {
            assertThat(h.awaiting()).isEqualTo(Hold.Awaiting.APPROVER);
            assertThat(h.approver()).hasValue("boss@northwind.example");
        });
        String toSender = new String(store.content(noticesTo("ann@northwind.example").get(0).id()).orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(toSender).contains("Don't send", "boss@northwind.example").doesNotContain("Send anyway");
        String toApprover = new String(store.content(noticesTo("boss@northwind.example").get(0).id()).orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(toApprover).contains("Approve and send", "/hold/" + id.value() + ".approve.");
    }

    @Test
    void rejectShouldAnswerWithTheRulesReasonStoreNothingAndAuditTheVerdict() {
        assertThatThrownBy(() -> receive("threat", 0.9)).isInstanceOfSatisfying(IntakeException.class, e -> {
            assertThat(e.code()).isEqualTo(550);
            assertThat(e.getMessage()).contains("threats are not sent from this organisation (reject)");
        });
        assertThat(store.countByState()).isEmpty();
        assertThat(store.audit().list(Optional.empty(), Optional.empty(), Optional.of("verdict"), 10)).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("REJECT by rule reject", "joan@client.example"));
    }

    @Test
    void messageWithOurReleaseStampShouldPassWithoutInspection() throws Exception {
        MessageId original = MessageId.next();
        byte[] stamped = ("X-Tactgate-Released: " + signer.releaseStamp(original) + "\r\n"
                + new String(content, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        MessageInspector mustNotRun = (env, bytes) -> {
            throw new AssertionError("a released message is not inspected again");
        };
        MessageId id = receive(mustNotRun, stamped);

        assertThat(store.find(id).orElseThrow().decision().rule()).isEqualTo("released");
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
    }
}
