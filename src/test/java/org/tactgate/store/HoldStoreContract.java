package org.tactgate.store;

import org.tactgate.message.MessageId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tactgate.store.MessageFixtures.T0;
import static org.tactgate.store.MessageFixtures.message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageStore} must do for the hold lifecycle: admit with hold, notices and
 * audit in one go; resolve at most once, conditionally, spending a token once; due deadlines;
 * purge bodies but keep metadata and audit. Mixed into {@link MessageStoreContract}.
 */
public interface HoldStoreContract {

    MessageStore store();

    MessageStore reopen();

    private static Hold hold(NewMessage m, Instant deadline, Hold.Awaiting awaiting) {
        return new Hold(m.id(), "blame", deadline, Hold.AtDeadline.BOUNCE, List.of("planner@northwind-hotels.example"),
                Optional.empty(), awaiting);
    }

    private static AuditEntry entry(MessageId id, String action) {
        return new AuditEntry(T0, Optional.of(id), "system", "smtp", action, "rule blame");
    }

    private static Resolution release(MessageId id, Optional<Resolution.Token> token) {
        return new Resolution(id, Set.of(MessageState.HELD, MessageState.QUARANTINED), MessageState.QUEUED,
                Optional.of("released"), Optional.empty(), token, Optional.empty(), List.of(), Optional.empty(),
                List.of(), entry(id, "release"));
    }

    private NewMessage admitHeld(Instant deadline) {
        NewMessage m = message(MessageState.HELD, T0, "couple@example.com", "boss@northwind-hotels.example");
        NewMessage notice = message(MessageState.RECEIVED, T0, "planner@northwind-hotels.example");
        store().admit(new Admission(m, Optional.of(hold(m, deadline, Hold.Awaiting.SENDER)), List.of(notice),
                List.of(entry(m.id(), "verdict"), entry(m.id(), "notice"))));
        return m;
    }

    @Test
    default void admitShouldCommitMessageHoldQueuedNoticeAndAuditTogether() {
        NewMessage m = admitHeld(T0.plusSeconds(60));

        assertThat(store().find(m.id())).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(MessageState.HELD));
        assertThat(store().hold(m.id())).hasValue(hold(m, T0.plusSeconds(60), Hold.Awaiting.SENDER));
        assertThat(store().list(MessageState.QUEUED, 10)).singleElement()
                .satisfies(n -> assertThat(n.envelope().recipients()).containsExactly("planner@northwind-hotels.example"));
        assertThat(store().audit().forMessage(m.id())).extracting(AuditEntry::action).containsExactly("verdict", "notice");
    }

    @Test
    default void resolveShouldApplyOnceWhenTwoRaceForTheSameMessage() throws Exception {
        NewMessage m = admitHeld(T0.plusSeconds(60));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Resolution.Result>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> store().resolve(release(m.id(), Optional.empty()))));
            }
            List<Resolution.Result> done = new ArrayList<>();
            for (Future<Resolution.Result> f : results) {
                done.add(f.get(20, TimeUnit.SECONDS));
            }
            assertThat(done).filteredOn(r -> r == Resolution.Result.APPLIED).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().find(m.id()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        assertThat(store().audit().forMessage(m.id())).extracting(AuditEntry::action).containsOnlyOnce("release");
        assertThat(store().dueHolds(T0.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    default void releasedMessageShouldBeDueForDeliveryAtOnce() {
        NewMessage m = admitHeld(T0.plusSeconds(60));
        store().resolve(release(m.id(), Optional.empty()));

        assertThat(store().claimDue(Instant.now().plusSeconds(1), 10, Duration.ofMinutes(1)))
                .extracting(t -> t.message().id()).contains(m.id());
    }

    @Test
    default void spentTokenShouldRefuseItsSecondUseAndChangeNothing() {
        NewMessage m = admitHeld(T0.plusSeconds(60));
        Resolution.Token token = new Resolution.Token("sig-1", T0.plusSeconds(60));
        assertThat(store().resolve(release(m.id(), Optional.of(token)))).isEqualTo(Resolution.Result.APPLIED);

        Resolution again = new Resolution(m.id(), Set.of(MessageState.QUEUED), MessageState.BOUNCED, Optional.empty(),
                Optional.empty(), Optional.of(token), Optional.empty(), List.of(), Optional.empty(), List.of(),
                entry(m.id(), "cancel"));
        assertThat(store().resolve(again)).isEqualTo(Resolution.Result.TOKEN_SPENT);
        assertThat(store().tokenSpent("sig-1")).isTrue();
        assertThat(store().tokenSpent("sig-0")).isFalse();
        assertThat(store().find(m.id()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
    }

    @Test
    default void tokenOfAResolutionThatDidNotApplyShouldStayUsable() {
        NewMessage m = admitHeld(T0.plusSeconds(60));
        Resolution.Token token = new Resolution.Token("sig-2", T0.plusSeconds(60));
        Resolution wrongParty = new Resolution(m.id(), Set.of(MessageState.HELD), MessageState.QUEUED, Optional.empty(),
                Optional.of(Hold.Awaiting.APPROVER), Optional.of(token), Optional.empty(), List.of(), Optional.empty(),
                List.of(), entry(m.id(), "approve"));
        assertThat(store().resolve(wrongParty)).isEqualTo(Resolution.Result.NOT_APPLICABLE);
        assertThat(store().tokenSpent("sig-2")).isFalse();

        assertThat(store().resolve(release(m.id(), Optional.of(token)))).isEqualTo(Resolution.Result.APPLIED);
    }

    @Test
    default void resolveShouldReplaceBytesDropRecipientsAndChangeTheAwaitedParty() {
        NewMessage m = admitHeld(T0.plusSeconds(60));
        byte[] tagged = "X-Tactgate-Removed-Recipients: couple@example.com\r\n\r\nhi\r\n".getBytes();
        Resolution r = new Resolution(m.id(), Set.of(MessageState.HELD), MessageState.HELD, Optional.empty(),
                Optional.of(Hold.Awaiting.SENDER), Optional.empty(), Optional.of(tagged), List.of("couple@example.com"),
                Optional.of(Hold.Awaiting.APPROVER), List.of(), entry(m.id(), "confirm"));

        assertThat(store().resolve(r)).isEqualTo(Resolution.Result.APPLIED);
        StoredMessage s = store().find(m.id()).orElseThrow();
        assertThat(s.envelope().recipients()).containsExactly("boss@northwind-hotels.example");
        assertThat(s.size()).isEqualTo(tagged.length);
        assertThat(store().content(m.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(tagged));
        assertThat(store().hold(m.id()).orElseThrow().awaiting()).isEqualTo(Hold.Awaiting.APPROVER);
    }

    @Test
    default void dueHoldsShouldListOnlyStillHeldMessagesPastTheirDeadlineAcrossAReopen() {
        NewMessage early = admitHeld(T0.plusSeconds(10));
        NewMessage late = admitHeld(T0.plusSeconds(100));
        NewMessage done = admitHeld(T0.plusSeconds(5));
        store().resolve(release(done.id(), Optional.empty()));

        MessageStore reopened = reopen();

        assertThat(reopened.dueHolds(T0.plusSeconds(50), 10)).extracting(Hold::id).containsExactly(early.id());
        assertThat(reopened.dueHolds(T0.plusSeconds(500), 10)).extracting(Hold::id).containsExactly(early.id(), late.id());
    }

    @Test
    default void purgeShouldDropFinishedHeldBodiesAndKeepMetadataAndAudit() {
        NewMessage m = admitHeld(T0.plusSeconds(60));
        NewMessage stillHeld = admitHeld(T0.plusSeconds(60));
        Resolution bounce = new Resolution(m.id(), Set.of(MessageState.HELD), MessageState.BOUNCED, Optional.of("no"),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(),
                entry(m.id(), "cancel"));
        store().resolve(bounce);

        assertThat(store().purge(Instant.now().plusSeconds(1))).isEqualTo(1);

        assertThat(store().content(m.id())).isEmpty();
        assertThat(store().find(m.id())).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(MessageState.BOUNCED));
        assertThat(store().audit().forMessage(m.id())).extracting(AuditEntry::action).contains("cancel");
        assertThat(store().content(stillHeld.id())).isPresent();
    }

    @Test
    default void auditListShouldFilterByTimeAndActionOldestFirst() {
        MessageId id = MessageId.next();
        store().audit().append(new AuditEntry(T0.plusSeconds(2), Optional.of(id), "ann", "10.0.0.1", "release", "ok"));
        store().audit().append(new AuditEntry(T0.plusSeconds(1), Optional.empty(), "system", "scheduler", "digest", "3"));
        store().audit().append(new AuditEntry(T0.plusSeconds(3), Optional.of(id), "bob", "cli", "release", "again"));

        assertThat(store().audit().list(Optional.empty(), Optional.empty(), Optional.empty(), 10))
                .extracting(AuditEntry::detail).containsExactly("3", "ok", "again");
        assertThat(store().audit().list(Optional.of(T0.plusSeconds(2)), Optional.of(T0.plusSeconds(3)),
                Optional.of("release"), 10)).extracting(AuditEntry::actor).containsExactly("ann");
        assertThat(store().audit().forMessage(id)).extracting(AuditEntry::from).containsExactly("10.0.0.1", "cli");
    }
}
