package org.tactgate.policy;

import org.tactgate.hold.ActionResult;
import org.tactgate.hold.Actor;
import org.tactgate.hold.HoldDesk;
import org.tactgate.hold.HoldEvents;
import org.tactgate.hold.LinkActions;
import org.tactgate.message.Decision;
import org.tactgate.message.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tactgate.config.DirectorySettings;
import org.tactgate.directory.Directory;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.notify.LinkAction;
import org.tactgate.notify.LinkSigner;
import org.tactgate.notify.Notices;
import org.tactgate.store.Admission;
import org.tactgate.store.AuditEntry;
import org.tactgate.message.Envelope;
import org.tactgate.store.Hold;
import org.tactgate.store.InMemoryMessageStore;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;

class HoldDeskTest {
    private final Clock clock = Clock.systemUTC();
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final Directory directory = Directory.of(new DirectorySettings(List.of("northwind.example"),
            Optional.empty(), true, List.of()));
    private final LinkSigner signer = new LinkSigner(new byte[32], clock);
    private final AtomicInteger wakes = new AtomicInteger();
    private final HoldDesk desk = new HoldDesk(store, new Notices(signer, "http://127.0.0.1:8025",
            "tactgate@northwind.example", "relay", clock), signer, directory, wakes::incrementAndGet, clock);
    private final Actor sender = new Actor("ann@northwind.example", "10.0.0.5", Actor.Role.SENDER);
    private final List<String> reported = new java.util.ArrayList<>();
    private final HoldEvents recording = new HoldEvents() {
        @Override
        public void decided(String action) {
            reported.add(action);
        }

        @Override
        public void expired(Hold.AtDeadline outcome) {
            reported.add("expired " + outcome);
        }
    };

    private MessageId held(Optional<String> approver, Hold.Awaiting awaiting, String detector) {
        MessageId id = MessageId.next();
        Envelope env = new Envelope("ann@northwind.example", List.of("bob@northwind.example", "joan@client.example"),
                "127.0.0.1", "x", Optional.empty(), Instant.now());
        Decision d = new Decision(Verdict.HOLD, "r", new Inspection(List.of(
                new Finding(detector, 0.9, "body", "Joan still owes us.", "about a customer on Cc"))));
        store.admit(new Admission(new NewMessage(id, env, "Subject: s\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII),
                d, MessageState.HELD), Optional.of(new Hold(id, "r", Instant.now().plusSeconds(3600),
                Hold.AtDeadline.BOUNCE, List.of(), approver, awaiting)), List.of(), List.of()));
        return id;
    }

    private List<String> actions(MessageId id) {
        return store.audit().forMessage(id).stream().map(AuditEntry::action).toList();
    }

    @Test
    void eachAppliedDecisionShouldBeReportedOnceAndADeadlineAsATimeout() {
        HoldDesk counted = new HoldDesk(store, new Notices(signer, "http://127.0.0.1:8025", "tactgate@northwind.example",
                "relay", clock), signer, directory, () -> { }, clock, recording);
        Actor reviewer = new Actor("rita", "10.0.0.7", Actor.Role.REVIEWER);
        MessageId confirmed = held(Optional.empty(), Hold.Awaiting.SENDER, "blame");
        counted.confirm(confirmed, sender);
        counted.confirm(confirmed, sender); // already released: not a second decision
        counted.confirm(held(Optional.of("boss@northwind.example"), Hold.Awaiting.APPROVER, "blame"),
                new Actor("boss@northwind.example", "10.0.0.9", Actor.Role.APPROVER));
        counted.cancel(held(Optional.empty(), Hold.Awaiting.SENDER, "blame"), sender);
        counted.sendWithoutCustomer(held(Optional.empty(), Hold.Awaiting.SENDER, "exposure"), sender);
        counted.release(held(Optional.empty(), Hold.Awaiting.REVIEWER, "blame"), reviewer, Optional.empty());
        counted.bounce(held(Optional.empty(), Hold.Awaiting.REVIEWER, "blame"), reviewer, "rephrase");
        counted.delete(held(Optional.empty(), Hold.Awaiting.REVIEWER, "blame"), reviewer, "spam");
        MessageId late = held(Optional.empty(), Hold.Awaiting.SENDER, "blame");
        counted.expire(store.hold(late).orElseThrow());

        // the meters show every decision word at zero from the start: the desk uses no other
        assertThat(reported).containsExactlyElementsOf(java.util.stream.Stream.concat(HoldEvents.DECISIONS.stream(),
                java.util.stream.Stream.of("expired BOUNCE")).toList());
    }

    @Test
    void confirmTwiceShouldReleaseOnceAndSayItIsAlreadyReleased() {
        MessageId id = held(Optional.empty(), Hold.Awaiting.SENDER, "blame");

        assertThat(desk.confirm(id, sender).applied()).isTrue();
        ActionResult again = desk.confirm(id, sender);

        assertThat(again.applied()).isFalse();
        assertThat(again.message()).contains("Already released");
        assertThat(actions(id)).containsExactly("confirm");
        assertThat(new String(store.content(id).orElseThrow(), StandardCharsets.US_ASCII))
                .startsWith("X-Tactgate-Released: " + id.value());
        assertThat(wakes).hasValue(1);
    }

    @Test
    void approvalAfterTheSenderShouldWaitForTheApproverThenRelease() {
        MessageId id = held(Optional.of("boss@northwind.example"), Hold.Awaiting.SENDER, "blame");

        ActionResult confirmed = desk.confirm(id, sender);
        assertThat(confirmed.state()).isEqualTo(MessageState.HELD);
        assertThat(store.hold(id).orElseThrow().awaiting()).isEqualTo(Hold.Awaiting.APPROVER);
        assertThat(store.list(MessageState.QUEUED, 10)).singleElement()
                .satisfies(n -> assertThat(n.envelope().recipients()).containsExactly("boss@northwind.example"));
        assertThat(desk.confirm(id, sender).applied()).isFalse();

        ActionResult approved = desk.confirm(id, new Actor("boss@northwind.example", "10.0.0.9", Actor.Role.APPROVER));
        assertThat(approved.applied()).isTrue();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        assertThat(actions(id)).containsExactly("confirm", "approve");
    }

    @Test
    void sendWithoutCustomerShouldApplyOnlyToExposureHolds() {
        MessageId blame = held(Optional.empty(), Hold.Awaiting.SENDER, "blame");
        assertThat(desk.sendWithoutCustomer(blame, sender).applied()).isFalse();

        MessageId exposure = held(Optional.empty(), Hold.Awaiting.SENDER, "exposure");
        assertThat(desk.sendWithoutCustomer(exposure, sender).applied()).isTrue();
        assertThat(store.find(exposure).orElseThrow().envelope().recipients()).containsExactly("bob@northwind.example");
    }

    @Test
    void followedLinkShouldActOnceAndReportTheReuse() {
        MessageId id = held(Optional.empty(), Hold.Awaiting.SENDER, "blame");
        var token = signer.check(signer.sign(id, LinkAction.CANCEL, Instant.now().plusSeconds(60))).token().orElseThrow();

        LinkActions.LinkResult first = desk.follow(token, "10.0.0.5");
        LinkActions.LinkResult second = desk.follow(token, "10.0.0.5");

        assertThat(first.alreadyUsed()).isFalse();
        assertThat(first.result().state()).isEqualTo(MessageState.BOUNCED);
        assertThat(second.alreadyUsed()).isTrue();
        assertThat(store.audit().forMessage(id)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("cancel");
            assertThat(a.from()).isEqualTo("10.0.0.5");
            assertThat(a.actor()).isEqualTo("ann@northwind.example");
        });
    }

    @Test
    void unknownMessageShouldNotThrow() {
        assertThat(desk.release(MessageId.next(), sender, Optional.empty()).applied()).isFalse();
    }
}
