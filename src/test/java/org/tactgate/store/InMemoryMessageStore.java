package org.tactgate.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link MessageStore} in memory, for unit tests of the packages around the store. It follows
 * the same contract as the JDBC store (and passes the same contract tests); it is not durable.
 */
public final class InMemoryMessageStore implements MessageStore {
    private final Map<MessageId, Entry> entries = new LinkedHashMap<>();
    private final AtomicLong leases = new AtomicLong();

    private static final class Entry {
        StoredMessage meta;
        byte[] content;
        long lease;
        Instant leaseUntil = Instant.EPOCH;
    }

    @Override
    public synchronized void accept(NewMessage m) {
        if (entries.containsKey(m.id())) {
            throw new StoreException("duplicate id " + m.id(), null);
        }
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
        return Optional.ofNullable(entries.get(id)).map(e -> e.content.clone());
    }

    @Override
    public synchronized List<DeliveryTask> claimDue(Instant now, int max, Duration lease) {
        List<DeliveryTask> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (out.size() >= max) {
                break;
            }
            StoredMessage m = e.meta;
            if (m.state().isDeliverable() && !m.nextAttemptAt().isAfter(now) && !e.leaseUntil.isAfter(now)) {
                e.lease = leases.incrementAndGet();
                e.leaseUntil = now.plus(lease);
                List<String> pending = m.recipients().stream()
                        .filter(r -> r.state() == RecipientStatus.State.PENDING).map(RecipientStatus::address).toList();
                out.add(new DeliveryTask(m, pending, e.lease));
            }
        }
        return out;
    }

    @Override
    public synchronized boolean recordDelivery(DeliveryTask task, DeliveryOutcome outcome) {
        Entry e = entries.get(task.message().id());
        if (e == null || e.lease != task.lease() || !e.meta.state().isDeliverable()) {
            return false;
        }
        Map<String, RecipientStatus> rcpts = new LinkedHashMap<>();
        e.meta.recipients().forEach(r -> rcpts.put(r.address(), r));
        for (DeliveryOutcome.RecipientResult r : outcome.results()) {
            rcpts.put(r.address(), new RecipientStatus(r.address(), r.state(), Optional.ofNullable(r.reply())));
        }
        boolean pending = rcpts.values().stream().anyMatch(r -> r.state() == RecipientStatus.State.PENDING);
        boolean failed = rcpts.values().stream().anyMatch(r -> r.state() == RecipientStatus.State.FAILED);
        MessageState state = pending ? MessageState.DEFERRED : failed ? MessageState.FAILED : MessageState.DELIVERED;
        StoredMessage m = e.meta;
        e.meta = new StoredMessage(m.id(), m.envelope(), state, m.decision(), List.copyOf(rcpts.values()),
                m.attempts() + 1, pending ? outcome.nextAttemptAt() : m.nextAttemptAt(),
                outcome.error().or(m::lastError), Instant.now(), m.size());
        e.lease = 0;
        e.leaseUntil = Instant.EPOCH;
        outcome.bounce().ifPresent(this::accept);
        return true;
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
    public synchronized List<StoredMessage> list(MessageState state, int limit) {
        return entries.values().stream().map(e -> e.meta).filter(m -> m.state() == state)
                .sorted(Comparator.comparing(m -> m.envelope().receivedAt())).limit(limit).toList();
    }

    @Override
    public synchronized Map<MessageState, Long> countByState() {
        Map<MessageState, Long> counts = new EnumMap<>(MessageState.class);
        entries.values().forEach(e -> counts.merge(e.meta.state(), 1L, Long::sum));
        return counts;
    }

    @Override
    public void close() {
    }
}
