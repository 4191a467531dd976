package org.tactgate.store;

import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link MessageStore} in memory, for unit tests of the packages around the store. It follows
 * the same contract as the JDBC store (and passes the same contract tests); it is not durable.
 */
public final class InMemoryMessageStore implements MessageStore, AuditLog {
    private final Map<MessageId, Entry> entries = new LinkedHashMap<>();
    private final Map<MessageId, Hold> holds = new LinkedHashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final Map<String, Instant> spentTokens = new HashMap<>();
    private final AtomicLong leases = new AtomicLong();

    private static final class Entry {
        StoredMessage meta;
        byte[] content;
        long lease;
        /** Null while no worker holds the message. */
        Instant leaseUntil;
    }

    @Override
    public synchronized void accept(NewMessage m) {
        requireNew(m.id());
        Entry e = new Entry();
        List<RecipientStatus> rcpts = m.envelope().recipients().stream()
                .map(a -> new RecipientStatus(a, RecipientStatus.State.PENDING, Optional.empty())).toList();
        e.meta = new StoredMessage(m.id(), m.envelope(), m.state(), m.decision(), rcpts, 0,
                m.envelope().receivedAt(), Optional.empty(), Instant.now(), m.content().length);
        e.content = m.content().clone();
        entries.put(m.id(), e);
    }

    @Override
    public synchronized Optional<StoredMessage> find(MessageId id) {
        return Optional.ofNullable(entries.get(id)).map(e -> e.meta);
    }

    @Override
    public synchronized Optional<byte[]> content(MessageId id) {
        return Optional.ofNullable(entries.get(id)).filter(e -> e.content != null).map(e -> e.content.clone());
    }

    @Override
    public synchronized List<DeliveryTask> claimDue(Instant now, int max, Duration lease) {
        List<DeliveryTask> out = new ArrayList<>();
        List<Entry> due = entries.values().stream()
                .filter(e -> e.meta.state().isDeliverable() && !e.meta.nextAttemptAt().isAfter(now))
                .filter(e -> e.leaseUntil == null || !e.leaseUntil.isAfter(now))
                .sorted(Comparator.comparing((Entry e) -> e.meta.nextAttemptAt()).thenComparing(e -> e.meta.id().value()))
                .limit(Math.max(0, max)).toList();
        for (Entry e : due) {
            e.lease = leases.incrementAndGet();
            e.leaseUntil = now.plus(lease);
            List<String> pending = e.meta.recipients().stream()
                    .filter(r -> r.state() == RecipientStatus.State.PENDING).map(RecipientStatus::address).toList();
            out.add(new DeliveryTask(e.meta, pending, e.lease));
        }
        return out;
    }

    @Override
    public synchronized boolean recordDelivery(DeliveryTask task, DeliveryOutcome outcome) {
        Entry e = entries.get(task.message().id());
        if (e == null || e.lease != task.lease() || e.leaseUntil == null || !e.meta.state().isDeliverable()) {
            return false;
        }
        for (DeliveryOutcome.RecipientResult r : outcome.results()) {
            if (!e.meta.envelope().recipients().contains(r.address())) {
                throw new IllegalArgumentException("not a recipient of " + e.meta.id() + ": " + r.address());
            }
        }
        // checked before any change, so a DSN that cannot be stored leaves the message as it was
        outcome.bounce().ifPresent(b -> requireNew(b.id()));
        List<RecipientStatus> rcpts = new ArrayList<>();
        for (RecipientStatus r : e.meta.recipients()) {
            rcpts.add(outcome.results().stream().filter(o -> o.address().equals(r.address())).reduce((a, b) -> b)
                    .map(o -> new RecipientStatus(r.address(), o.state(), Optional.ofNullable(o.reply())))
                    .orElse(r));
        }
        boolean pending = rcpts.stream().anyMatch(r -> r.state() == RecipientStatus.State.PENDING);
        boolean failed = rcpts.stream().anyMatch(r -> r.state() == RecipientStatus.State.FAILED);
        MessageState state = pending ? MessageState.DEFERRED : failed ? MessageState.FAILED : MessageState.DELIVERED;
        StoredMessage m = e.meta;
        e.meta = new StoredMessage(m.id(), m.envelope(), state, m.decision(), List.copyOf(rcpts),
                m.attempts() + 1, pending ? outcome.nextAttemptAt() : m.nextAttemptAt(),
                outcome.error().or(m::lastError), Instant.now(), m.size());
        e.leaseUntil = null; // released: this lease cannot be presented again
        outcome.bounce().ifPresent(b -> accept(new NewMessage(b.id(), b.envelope(), b.content(), b.decision(),
                MessageState.QUEUED)));
        return true;
    }

    private void requireNew(MessageId id) {
        if (entries.containsKey(id)) {
            throw new StoreException("duplicate id " + id, null);
        }
    }

    @Override
    public synchronized boolean transition(MessageId id, MessageState from, MessageState to, Optional<String> note) {
        Entry e = entries.get(id);
        if (e == null || e.meta.state() != from) {
            return false;
        }
        StoredMessage m = e.meta;
        e.meta = new StoredMessage(m.id(), m.envelope(), to, m.decision(), m.recipients(), m.attempts(),
                m.nextAttemptAt(), note.or(m::lastError), Instant.now(), m.size());
        return true;
    }

    @Override
    public synchronized boolean retryNow(MessageId id, Instant now, AuditEntry entry) {
        Entry e = entries.get(id);
        if (e == null || !e.meta.state().isDeliverable()) {
            return false;
        }
        StoredMessage m = e.meta;
        e.meta = new StoredMessage(m.id(), m.envelope(), m.state(), m.decision(), m.recipients(), m.attempts(),
                now, m.lastError(), Instant.now(), m.size());
        audit.add(entry);
        return true;
    }

    @Override
    public synchronized boolean dequeue(MessageId id, MessageState to, String note, Optional<NewMessage> bounce,
                                        AuditEntry entry, Instant now) {
        Entry e = entries.get(id);
        if (e == null || !e.meta.state().isDeliverable() || (e.leaseUntil != null && e.leaseUntil.isAfter(now))) {
            return false;
        }
        bounce.ifPresent(b -> requireNew(b.id()));
        StoredMessage m = e.meta;
        e.meta = new StoredMessage(m.id(), m.envelope(), to, m.decision(), m.recipients(), m.attempts(),
                m.nextAttemptAt(), Optional.of(note), Instant.now(), m.size());
        bounce.ifPresent(b -> accept(new NewMessage(b.id(), b.envelope(), b.content(), b.decision(),
                MessageState.QUEUED)));
        audit.add(entry);
        return true;
    }

    @Override
    public synchronized List<StoredMessage> list(MessageState state, int limit) {
        return entries.values().stream().map(e -> e.meta).filter(m -> m.state() == state)
                .sorted(Comparator.comparing((StoredMessage m) -> m.envelope().receivedAt()).thenComparing(m -> m.id().value()))
                .limit(limit).toList();
    }

    @Override
    public synchronized Map<MessageState, Long> countByState() {
        Map<MessageState, Long> counts = new EnumMap<>(MessageState.class);
        entries.values().forEach(e -> counts.merge(e.meta.state(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized void admit(Admission a) {
        requireNew(a.message().id());
        a.notices().forEach(n -> requireNew(n.id()));
        accept(a.message());
        a.hold().ifPresent(h -> holds.put(h.id(), h));
        a.notices().forEach(n -> accept(new NewMessage(n.id(), n.envelope(), n.content(), n.decision(), MessageState.QUEUED)));
        audit.addAll(a.audit());
    }

    @Override
    public synchronized Optional<Hold> hold(MessageId id) {
        return Optional.ofNullable(holds.get(id));
    }

    @Override
    public synchronized List<Hold> dueHolds(Instant now, int max) {
        return holds.values().stream().filter(h -> !h.deadline().isAfter(now))
                .filter(h -> {
                    MessageState state = entries.get(h.id()).meta.state();
                    return state == MessageState.HELD || state == MessageState.QUARANTINED;
                })
                .sorted(Comparator.comparing(Hold::deadline).thenComparing(h -> h.id().value()))
                .limit(Math.max(0, max)).toList();
    }

    @Override
    public synchronized Resolution.Result resolve(Resolution r) {
        if (r.token().isPresent() && spentTokens.containsKey(r.token().get().signature())) {
            return Resolution.Result.TOKEN_SPENT;
        }
        Entry e = entries.get(r.id());
        Hold hold = holds.get(r.id());
        if (e == null || !r.from().contains(e.meta.state())
                || r.requireAwaiting().isPresent() && (hold == null || hold.awaiting() != r.requireAwaiting().get())) {
            return Resolution.Result.NOT_APPLICABLE;
        }
        r.notices().forEach(n -> requireNew(n.id()));
        r.token().ifPresent(t -> spentTokens.put(t.signature(), t.expires()));
        if (hold != null && r.awaiting().isPresent()) {
            holds.put(r.id(), hold.awaiting(r.awaiting().get()));
        }
        r.content().ifPresent(bytes -> e.content = bytes.clone());
        StoredMessage m = e.meta;
        List<RecipientStatus> kept = m.recipients().stream()
                .filter(rc -> !r.dropRecipients().contains(rc.address())).toList();
        Envelope env = m.envelope();
        Envelope envelope = new Envelope(env.sender(), kept.stream().map(RecipientStatus::address).toList(),
                env.clientAddress(), env.helo(), env.authUser(), env.receivedAt());
        Instant now = Instant.now();
        e.meta = new StoredMessage(m.id(), envelope, r.to(), m.decision(), kept, m.attempts(), now,
                r.note().or(m::lastError), now, e.content == null ? m.size() : e.content.length);
        r.notices().forEach(n -> accept(new NewMessage(n.id(), n.envelope(), n.content(), n.decision(), MessageState.QUEUED)));
        audit.add(r.audit());
        return Resolution.Result.APPLIED;
    }

    @Override
    public synchronized boolean tokenSpent(String signature) {
        return spentTokens.containsKey(signature);
    }

    @Override
    public synchronized int purge(Instant before) {
        int purged = 0;
        for (MessageId id : holds.keySet()) {
            Entry e = entries.get(id);
            MessageState state = e.meta.state();
            boolean finished = state.isTerminal() && state != MessageState.REJECTED;
            if (finished && e.content != null && e.meta.updatedAt().isBefore(before)) {
                e.content = null;
                purged++;
            }
        }
        spentTokens.values().removeIf(expires -> expires.isBefore(before));
        return purged;
    }

    @Override
    public AuditLog audit() {
        return this;
    }

    @Override
    public synchronized void append(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> forMessage(MessageId id) {
        return audit.stream().filter(a -> a.message().equals(Optional.of(id))).toList();
    }

    @Override
    public synchronized List<AuditEntry> list(Optional<Instant> since, Optional<Instant> until, Optional<String> action,
                                              int limit) {
        return audit.stream()
                .filter(a -> since.map(s -> !a.at().isBefore(s)).orElse(true))
                .filter(a -> until.map(u -> a.at().isBefore(u)).orElse(true))
                .filter(a -> action.map(a.action()::equals).orElse(true))
                .sorted(Comparator.comparing(AuditEntry::at)).limit(Math.max(0, limit)).toList();
    }

    @Override
    public void close() {
    }
}
