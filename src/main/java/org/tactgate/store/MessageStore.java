package org.tactgate.store;

import org.tactgate.message.MessageId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable record of every accepted message: envelope, raw bytes, state, per-recipient
 * delivery status, decision and findings. Back ends: SQLite (embedded) and PostgreSQL.
 *
 * <p>Order of durable writes: {@link #accept} commits message, recipients and decision in one
 * transaction and returns only after the commit is on disk (the caller replies 250 after that).
 * Every state change is one transaction. Delivery claims a message with a lease; an outcome whose
 * lease is stale (another worker re-claimed after expiry) is discarded, so a message is never
 * marked twice.
 *
 * <p>Thread-safe: called concurrently by SMTP sessions, delivery workers and people's actions.
 * Methods throw {@link StoreException} when the database cannot be reached or a write fails;
 * callers treat that as temporary.
 */
public interface MessageStore extends AutoCloseable {

    /** Commits a new message; returns once it is durable. */
    void accept(NewMessage message);

    Optional<StoredMessage> find(MessageId id);

    /** The raw bytes as received; empty once purged. */
    Optional<byte[]> content(MessageId id);

    /**
     * Claims up to {@code max} messages in QUEUED or DEFERRED whose next attempt is due at
     * {@code now} and whose lease (if any) has expired; each gets a lease until now + {@code lease}.
     * Safe across threads and, on PostgreSQL, across nodes ({@code FOR UPDATE SKIP LOCKED}).
     */
    List<DeliveryTask> claimDue(Instant now, int max, Duration lease);

    /**
     * Applies a delivery attempt's outcome in one transaction: recipient states, attempts count,
     * the message state (DELIVERED when no recipient is pending and none failed, FAILED when none
     * is pending and some failed, DEFERRED otherwise), the lease released, and the optional DSN
     * stored as a new QUEUED message. Returns false (and changes nothing) if the lease is stale.
     * A lease is spent by its first applied outcome. Throws {@link IllegalArgumentException} if a
     * result names an address that is not one of the message's recipients.
     */
    boolean recordDelivery(DeliveryTask task, DeliveryOutcome outcome);

    /**
     * Moves a message from {@code from} to {@code to} in one transaction; false if it was not in
     * {@code from} (someone else moved it first). {@code note} is kept as the last error/reason.
     */
    boolean transition(MessageId id, MessageState from, MessageState to, Optional<String> note);

    /**
     * Makes a QUEUED or DEFERRED message due at {@code now} (its next attempt moved there) and
     * appends {@code audit}, in one transaction; false (nothing written) if it is not in the queue.
     */
    boolean retryNow(MessageId id, Instant now, AuditEntry audit);

    /**
     * Takes a QUEUED or DEFERRED message that no live lease holds at {@code now} out of the delivery
     * queue in one transaction: moved to {@code to} (a terminal state) with {@code note} as its last
     * error, the optional DSN stored as a new QUEUED message, {@code audit} appended. False (nothing
     * written) if the message is not in the queue or a worker is delivering it right now.
     */
    boolean dequeue(MessageId id, MessageState to, String note, Optional<NewMessage> bounce, AuditEntry audit,
                    Instant now);

    /** Messages in a state, oldest first. */
    List<StoredMessage> list(MessageState state, int limit);

    /** How many messages are in each state; states with no message are absent. */
    Map<MessageState, Long> countByState();

    /**
     * Commits a new message with its hold terms, notices (stored QUEUED) and audit rows in one
     * transaction; returns once it is durable. {@link #accept} is this without the extras.
     */
    void admit(Admission admission);

    /** The terms a message was held under; empty if it was never held. */
    Optional<Hold> hold(MessageId id);

    /** Holds past their deadline whose message is still HELD or QUARANTINED, earliest first. */
    List<Hold> dueHolds(Instant now, int max);

    /**
     * Applies a person's (or the deadline's) decision in one transaction, conditional on the
     * message's state, the party its hold awaits and the token being unspent: all of it or none.
     * Safe across threads and nodes: of two racing resolutions at most one applies.
     */
    Resolution.Result resolve(Resolution resolution);

    /** True if a one-click token with this signature was spent by an applied {@link #resolve}. */
    boolean tokenSpent(String signature);

    /**
     * Purges the bytes of messages that were held or quarantined and have since finished
     * (DELIVERED, FAILED, BOUNCED, DELETED) with no change since {@code before}; their metadata,
     * recipients and audit rows stay. Also forgets spent tokens that expired before then.
     * Returns how many bodies were purged.
     */
    int purge(Instant before);

    /** The audit trail kept beside the messages. */
    AuditLog audit();

    @Override
    void close();
}
