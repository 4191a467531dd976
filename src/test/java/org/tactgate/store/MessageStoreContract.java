package org.tactgate.store;

import org.tactgate.message.MessageId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tactgate.store.MessageFixtures.LEASE;
import static org.tactgate.store.MessageFixtures.T0;
import static org.tactgate.store.MessageFixtures.delivered;
import static org.tactgate.store.MessageFixtures.failed;
import static org.tactgate.store.MessageFixtures.message;
import static org.tactgate.store.MessageFixtures.outcome;
import static org.tactgate.store.MessageFixtures.pending;
import static org.tactgate.store.MessageFixtures.queued;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageStore} must do (the interface's Javadoc, as tests). A back end's test
 * class implements this and gives a fresh, empty store per test.
 */
public interface MessageStoreContract extends HoldStoreContract {

    /** The store under test: fresh and empty at the start of each test. */
    MessageStore store();

    /** Closes the store and opens the same storage again; {@link #store()} returns the new one. */
    MessageStore reopen();

    @Test
    default void acceptedMessageShouldComeBackWithItsBytesExactlyAsReceived() {
        NewMessage m = message(MessageState.QUEUED, T0, "couple@example.com", "böss@northwind-hotels.example");
        store().accept(m);

        StoredMessage stored = store().find(m.id()).orElseThrow();
        assertThat(stored.envelope()).isEqualTo(m.envelope());
        assertThat(stored.decision()).isEqualTo(m.decision());
        assertThat(stored.state()).isEqualTo(MessageState.QUEUED);
        assertThat(stored.recipients()).extracting(RecipientStatus::address, RecipientStatus::state)
                .containsExactly(Tuple.tuple("couple@example.com", RecipientStatus.State.PENDING),
                        Tuple.tuple("böss@northwind-hotels.example", RecipientStatus.State.PENDING));
        assertThat(stored.attempts()).isZero();
        assertThat(stored.size()).isEqualTo(m.content().length);
        assertThat(store().content(m.id())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(m.content()));
    }

    @Test
    default void findShouldBeEmptyWhenTheIdIsUnknown() {
        MessageId unknown = MessageId.next();
        assertThat(store().find(unknown)).isEmpty();
        assertThat(store().content(unknown)).isEmpty();
    }

    @Test
    default void duplicateIdShouldFailOnlyItsOwnAcceptWhenOthersCommitAlongside() throws Exception {
        NewMessage first = queued(T0);
        store().accept(first);
        NewMessage duplicate = new NewMessage(first.id(), first.envelope(), new byte[] {1}, first.decision(),
                MessageState.QUEUED);
        List<NewMessage> batch = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            batch.add(queued(T0.plusSeconds(i)));
        }
        batch.add(7, duplicate);

        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        runConcurrently(batch.stream().<Callable<Void>>map(m -> () -> {
            try {
                store().accept(m);
            } catch (StoreException e) {
                failures.add(e);
            }
            return null;
        }).toList());

        assertThat(failures).hasSize(1);
        batch.stream().filter(m -> m != duplicate).forEach(m -> assertThat(store().find(m.id())).isPresent());
        assertThat(store().content(first.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(first.content()));
    }

    @Test
    default void claimsShouldNeverOverlapWhenFourThreadsClaimAtOnce() throws Exception {
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            NewMessage m = queued(T0.plusMillis(i));
            store().accept(m);
            ids.add(m.id());
        }
        List<MessageId> claimed = Collections.synchronizedList(new ArrayList<>());
        Callable<Void> worker = () -> {
            for (int round = 0; round < 500; round++) { // bounded: 120 messages need far fewer
                List<DeliveryTask> tasks = store().claimDue(T0.plusSeconds(60), 7, LEASE);
                if (tasks.isEmpty()) {
                    return null;
                }
                tasks.forEach(t -> claimed.add(t.message().id()));
            }
            return null;
        };
        runConcurrently(List.of(worker, worker, worker, worker));

        assertThat(claimed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    default void claimShouldSkipMessagesNotYetDueOrNotInTheQueue() {
        NewMessage held = message(MessageState.HELD, T0, "couple@example.com");
        NewMessage later = queued(T0.plusSeconds(600));
        store().accept(held);
        store().accept(later);

        assertThat(store().claimDue(T0.plusSeconds(60), 10, LEASE)).isEmpty();
        assertThat(store().claimDue(T0.plusSeconds(600), 10, LEASE))
                .extracting(t -> t.message().id()).containsExactly(later.id());
    }

    @Test
    default void expiredLeaseShouldLetAnotherWorkerReclaimTheMessage() {
        NewMessage m = queued(T0);
        store().accept(m);
        DeliveryTask first = single(store().claimDue(T0, 10, Duration.ofMinutes(1)));

        assertThat(store().claimDue(T0.plusSeconds(30), 10, LEASE)).isEmpty();
        DeliveryTask second = single(store().claimDue(T0.plusSeconds(61), 10, LEASE));

        assertThat(second.message().id()).isEqualTo(m.id());
        assertThat(second.lease()).isNotEqualTo(first.lease());
        assertThat(second.pendingRecipients()).isEqualTo(m.envelope().recipients());
    }

    @Test
    default void outcomeUnderAStaleLeaseShouldBeRefusedAndChangeNothing() {
        NewMessage m = queued(T0);
        store().accept(m);
        DeliveryTask crashed = single(store().claimDue(T0, 10, Duration.ofMinutes(1)));
        DeliveryTask current = single(store().claimDue(T0.plusSeconds(120), 10, LEASE));
        StoredMessage before = store().find(m.id()).orElseThrow();

        DeliveryOutcome allDelivered = outcome(T0, delivered("couple@example.com"),
                delivered("boss@northwind-hotels.example"));
        assertThat(store().recordDelivery(crashed, allDelivered)).isFalse();
        assertThat(store().find(m.id())).contains(before);

        assertThat(store().recordDelivery(current, allDelivered)).isTrue();
        assertThat(store().recordDelivery(current, allDelivered)).as("a lease is spent once").isFalse();
        assertThat(store().find(m.id()).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    default void messageShouldBeDeliveredWhenEveryRecipientIs() {
        StoredMessage after = deliverOnce(outcome(T0, delivered("couple@example.com"),
                delivered("boss@northwind-hotels.example")));
        assertThat(after.state()).isEqualTo(MessageState.DELIVERED);
        assertThat(after.recipients()).extracting(RecipientStatus::lastReply)
                .containsOnly(Optional.of("250 2.0.0 Ok"));
        assertThat(after.attempts()).isEqualTo(1);
    }

    @Test
    default void messageShouldFailWhenNoRecipientIsPendingAndOneFailed() {
        StoredMessage after = deliverOnce(outcome(T0, delivered("couple@example.com"),
                failed("boss@northwind-hotels.example")));
        assertThat(after.state()).isEqualTo(MessageState.FAILED);
        assertThat(after.recipients()).extracting(RecipientStatus::state)
                .containsExactly(RecipientStatus.State.DELIVERED, RecipientStatus.State.FAILED);
    }

    @Test
    default void messageShouldBeDeferredWhileARecipientIsPendingAndRetryOnlyThatOne() {
        Instant retryAt = T0.plusSeconds(900);
        DeliveryOutcome o = new DeliveryOutcome(List.of(delivered("couple@example.com"),
                pending("boss@northwind-hotels.example")), retryAt, Optional.of("451 from upstream"), Optional.empty());
        StoredMessage after = deliverOnce(o);

        assertThat(after.state()).isEqualTo(MessageState.DEFERRED);
        assertThat(after.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(after.lastError()).contains("451 from upstream");
        assertThat(store().claimDue(retryAt.minusSeconds(1), 10, LEASE)).isEmpty();
        assertThat(single(store().claimDue(retryAt, 10, LEASE)).pendingRecipients())
                .containsExactly("boss@northwind-hotels.example");
    }

    @Test
    default void bounceShouldBeStoredAsAQueuedMessageWithTheOutcome() {
        NewMessage m = queued(T0);
        store().accept(m);
        DeliveryTask task = single(store().claimDue(T0, 10, LEASE));
        NewMessage dsn = message(MessageState.RECEIVED, T0.plusSeconds(1), m.envelope().sender());

        assertThat(store().recordDelivery(task, withBounce(dsn))).isTrue();

        assertThat(store().find(m.id()).orElseThrow().state()).isEqualTo(MessageState.FAILED);
        assertThat(store().find(dsn.id()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        assertThat(store().content(dsn.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(dsn.content()));
    }

    @Test
    default void outcomeShouldChangeNothingWhenItsBounceCannotBeStored() {
        NewMessage m = queued(T0);
        NewMessage other = queued(T0);
        store().accept(m);
        store().accept(other);
        DeliveryTask task = single(store().claimDue(T0, 1, LEASE));
        StoredMessage before = store().find(task.message().id()).orElseThrow();
        NewMessage clash = new NewMessage(task.message().id().equals(m.id()) ? other.id() : m.id(),
                m.envelope(), m.content(), m.decision(), MessageState.QUEUED);

        assertThatThrownBy(() -> store().recordDelivery(task, withBounce(clash))).isInstanceOf(StoreException.class);
        assertThat(store().find(task.message().id())).contains(before);

        NewMessage dsn = message(MessageState.QUEUED, T0, m.envelope().sender());
        assertThat(store().recordDelivery(task, withBounce(dsn))).as("the lease is still held").isTrue();
    }

    @Test
    default void outcomeShouldBeRefusedWhenTheMessageLeftTheQueueMeanwhile() {
        NewMessage m = queued(T0);
        store().accept(m);
        DeliveryTask task = single(store().claimDue(T0, 10, LEASE));
        assertThat(store().transition(m.id(), MessageState.QUEUED, MessageState.DELETED, Optional.of("by reviewer")))
                .isTrue();

        assertThat(store().recordDelivery(task, outcome(T0, delivered("couple@example.com")))).isFalse();
        assertThat(store().find(m.id()).orElseThrow().state()).isEqualTo(MessageState.DELETED);
    }

    @Test
    default void outcomeNamingAnAddressThatIsNoRecipientShouldBeRejectedAndChangeNothing() {
        NewMessage m = queued(T0);
        store().accept(m);
        DeliveryTask task = single(store().claimDue(T0, 10, LEASE));
        StoredMessage before = store().find(m.id()).orElseThrow();

        assertThatThrownBy(() -> store().recordDelivery(task, outcome(T0, delivered("couple@example.com"),
                delivered("stranger@example.com")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store().find(m.id())).contains(before);
    }

    @Test
    default void transitionShouldApplyOnlyFromTheExpectedState() {
        NewMessage m = message(MessageState.HELD, T0, "couple@example.com");
        store().accept(m);

        assertThat(store().transition(m.id(), MessageState.QUARANTINED, MessageState.QUEUED, Optional.empty())).isFalse();
        assertThat(store().transition(m.id(), MessageState.HELD, MessageState.QUEUED, Optional.of("confirmed")))
                .isTrue();
        assertThat(store().transition(m.id(), MessageState.HELD, MessageState.BOUNCED, Optional.empty())).isFalse();
        assertThat(store().transition(MessageId.next(), MessageState.HELD, MessageState.QUEUED, Optional.empty()))
                .isFalse();

        StoredMessage after = store().find(m.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(MessageState.QUEUED);
        assertThat(after.lastError()).contains("confirmed");
        assertThat(store().claimDue(T0, 10, LEASE)).as("released mail is due at once").hasSize(1);
    }

    @Test
    default void retryNowShouldMakeAQueuedMessageDueAndAuditIt() {
        NewMessage m = queued(T0.plusSeconds(3600));
        store().accept(m);
        assertThat(store().claimDue(T0, 10, LEASE)).isEmpty();
        AuditEntry row = new AuditEntry(T0, Optional.of(m.id()), "ops", "cli", "queue-retry", "");

        assertThat(store().retryNow(m.id(), T0, row)).isTrue();
        assertThat(store().find(m.id()).orElseThrow().nextAttemptAt()).isEqualTo(T0);
        assertThat(store().audit().forMessage(m.id())).containsExactly(row);
        assertThat(store().claimDue(T0, 10, LEASE)).hasSize(1);
    }

    @Test
    default void retryNowShouldRefuseAMessageNotInTheQueueAndWriteNothing() {
        NewMessage m = message(MessageState.HELD, T0, "couple@example.com");
        store().accept(m);
        AuditEntry row = new AuditEntry(T0, Optional.of(m.id()), "ops", "cli", "queue-retry", "");

        assertThat(store().retryNow(m.id(), T0, row)).isFalse();
        assertThat(store().retryNow(MessageId.next(), T0, row)).isFalse();
        assertThat(store().audit().forMessage(m.id())).isEmpty();
    }

    @Test
    default void dequeueShouldMoveTheMessageQueueTheDsnAndAuditInOneStep() {
        NewMessage m = queued(T0);
        NewMessage dsn = message(MessageState.QUEUED, T0, "sender@example.com");
        store().accept(m);
        AuditEntry row = new AuditEntry(T0, Optional.of(m.id()), "ops", "cli", "queue-delete", "spam");

        assertThat(store().dequeue(m.id(), MessageState.BOUNCED, "spam", Optional.of(dsn), row, T0)).isTrue();
        StoredMessage after = store().find(m.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(MessageState.BOUNCED);
        assertThat(after.lastError()).contains("spam");
        assertThat(store().find(dsn.id()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        assertThat(store().audit().forMessage(m.id())).containsExactly(row);
        assertThat(store().dequeue(m.id(), MessageState.DELETED, "again", Optional.empty(), row, T0)).isFalse();
    }

    @Test
    default void dequeueShouldRefuseAMessageAWorkerIsDelivering() {
        NewMessage m = queued(T0);
        store().accept(m);
        single(store().claimDue(T0, 10, LEASE));
        AuditEntry row = new AuditEntry(T0, Optional.of(m.id()), "ops", "cli", "queue-delete", "x");

        assertThat(store().dequeue(m.id(), MessageState.DELETED, "x", Optional.empty(), row, T0)).isFalse();
        assertThat(store().find(m.id()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        assertThat(store().audit().forMessage(m.id())).isEmpty();
        assertThat(store().dequeue(m.id(), MessageState.DELETED, "x", Optional.empty(), row, T0.plus(LEASE))).isTrue();
    }

    @Test
    default void countByStateShouldCountEveryStateThatHasMessages() {
        store().accept(queued(T0));
        store().accept(queued(T0));
        store().accept(message(MessageState.HELD, T0, "couple@example.com"));
        store().accept(message(MessageState.QUARANTINED, T0, "couple@example.com"));

        assertThat(store().countByState()).isEqualTo(Map.of(MessageState.QUEUED, 2L, MessageState.HELD, 1L,
                MessageState.QUARANTINED, 1L));
    }

    @Test
    default void listShouldGiveAStateOldestFirstUpToTheLimit() {
        NewMessage newest = message(MessageState.HELD, T0.plusSeconds(20), "a@example.com");
        NewMessage oldest = message(MessageState.HELD, T0, "b@example.com");
        NewMessage middle = message(MessageState.HELD, T0.plusSeconds(10), "c@example.com");
        store().accept(newest);
        store().accept(queued(T0.minusSeconds(5)));
        store().accept(oldest);
        store().accept(middle);

        assertThat(store().list(MessageState.HELD, 2)).extracting(StoredMessage::id)
                .containsExactly(oldest.id(), middle.id());
        assertThat(store().list(MessageState.HELD, 10)).hasSize(3);
        assertThat(store().list(MessageState.FAILED, 10)).isEmpty();
    }

    @Test
    default void reopenedStoreShouldStillHoldEverything() {
        NewMessage deferred = queued(T0);
        NewMessage held = message(MessageState.HELD, T0, "couple@example.com");
        store().accept(deferred);
        store().accept(held);
        DeliveryTask task = single(store().claimDue(T0, 10, LEASE));
        store().recordDelivery(task, outcome(T0.plusSeconds(60), delivered("couple@example.com"),
                pending("boss@northwind-hotels.example")));
        store().transition(held.id(), MessageState.HELD, MessageState.QUARANTINED, Optional.of("reviewer"));
        StoredMessage deferredBefore = store().find(deferred.id()).orElseThrow();
        StoredMessage heldBefore = store().find(held.id()).orElseThrow();

        reopen();

        assertThat(store().find(deferred.id())).contains(deferredBefore);
        assertThat(store().find(held.id())).contains(heldBefore);
        assertThat(store().content(deferred.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(deferred.content()));
        assertThat(store().countByState()).isEqualTo(Map.of(MessageState.DEFERRED, 1L, MessageState.QUARANTINED, 1L));
    }

    /** Accepts a two-recipient message, claims it and applies {@code outcome}; returns it after. */
    private StoredMessage deliverOnce(DeliveryOutcome outcome) {
        NewMessage m = queued(T0);
        store().accept(m);
        DeliveryTask task = single(store().claimDue(T0, 10, LEASE));
        assertThat(store().recordDelivery(task, outcome)).isTrue();
        return store().find(m.id()).orElseThrow();
    }

    private static DeliveryOutcome withBounce(NewMessage dsn) {
        return new DeliveryOutcome(List.of(failed("couple@example.com"), failed("boss@northwind-hotels.example")),
                T0, Optional.of("550 from upstream"), Optional.of(dsn));
    }

    private static DeliveryTask single(List<DeliveryTask> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    /** Runs the calls on their own threads at once; bounded by a minute; rethrows a failure. */
    private static void runConcurrently(List<Callable<Void>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            for (Future<Void> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
