package org.tactgate.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tactgate.store.Admission;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.AuditLog;
import org.tactgate.store.DeliveryOutcome;
import org.tactgate.store.Hold;
import org.tactgate.store.Resolution;
import org.tactgate.store.DeliveryTask;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.NewMessage;
import org.tactgate.store.StoreException;
import org.tactgate.store.StoredMessage;

/** A store whose disk is gone: every call fails as a real one would when the database is unreachable. */
final class FailingStore implements MessageStore {
    private static StoreException down() {
        return new StoreException("disk full", new java.io.IOException("No space left on device"));
    }

    @Override public void accept(NewMessage message) { throw down(); }
    @Override public Optional<StoredMessage> find(MessageId id) { throw down(); }
    @Override public Optional<byte[]> content(MessageId id) { throw down(); }
    @Override public List<DeliveryTask> claimDue(Instant now, int max, Duration lease) { throw down(); }
    @Override public boolean recordDelivery(DeliveryTask task, DeliveryOutcome outcome) { throw down(); }
    @Override public boolean retryNow(MessageId id, Instant now, AuditEntry audit) { throw down(); }
    @Override public boolean dequeue(MessageId id, MessageState to, String note, Optional<NewMessage> bounce,
                                     AuditEntry audit, Instant now) { throw down(); }
    @Override public boolean transition(MessageId id, MessageState from, MessageState to, Optional<String> note) { throw down(); }
    @Override public List<StoredMessage> list(MessageState state, int limit) { throw down(); }
    @Override public Map<MessageState, Long> countByState() { throw down(); }
    @Override public void admit(Admission admission) { throw down(); }
    @Override public Optional<Hold> hold(MessageId id) { throw down(); }
    @Override public List<Hold> dueHolds(Instant now, int max) { throw down(); }
    @Override public Resolution.Result resolve(Resolution resolution) { throw down(); }
    @Override public boolean tokenSpent(String signature) { throw down(); }
    @Override public int purge(Instant before) { throw down(); }
    @Override public AuditLog audit() { throw down(); }
    @Override public void close() { }
}
