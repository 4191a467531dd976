package org.tactgate.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tactgate.store.DeliveryOutcome;
import org.tactgate.store.DeliveryTask;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;
import org.tactgate.store.RecipientStatus;
import org.tactgate.store.StoredMessage;

/**
 * The statements that change messages. Each method is the body of one transaction: it runs on the
 * connection it is given and leaves commit or rollback to the caller ({@link Writes}).
 *
 * <p>Thread-safe (stateless apart from the dialect and the reads it reuses).
 */
public final class MessageWrites {
    private static final String DELIVERABLE = "state IN ('QUEUED', 'DEFERRED')";

    private final Dialect dialect;
    private final MessageReads reads;

    public MessageWrites(Dialect dialect, MessageReads reads) {
        this.dialect = dialect;
        this.reads = reads;
    }

    /** Inserts the message row, then its bytes, then its recipients (all PENDING). */
    public void insert(Connection c, NewMessage m, Instant now) throws SQLException {
        long received = Columns.micros(m.envelope().receivedAt());
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO messages (id, sender, client_address, helo, auth_user, received_at, state, verdict,
                                      rule, findings, attempts, next_attempt_at, lease, lease_until, last_error,
                                      updated_at, size)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, NULL, NULL, ?, ?)""")) {
            s.setString(1, m.id().value());
            s.setString(2, m.envelope().sender());
            s.setString(3, m.envelope().clientAddress());
            s.setString(4, m.envelope().helo());
            setOptional(s, 5, m.envelope().authUser());
            s.setLong(6, received);
            s.setString(7, m.state().name());
            s.setString(8, m.decision().verdict().name());
            s.setString(9, m.decision().rule());
            s.setString(10, Columns.findingsJson(m.decision().inspection().findings()));
            s.setLong(11, received); // due as soon as it is queued
            s.setLong(12, Columns.micros(now));
            s.setLong(13, m.content().length);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO message_content (id, bytes) VALUES (?, ?)")) {
            s.setString(1, m.id().value());
            s.setBytes(2, m.content());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO recipients (message_id, position, address, state, last_reply)
                VALUES (?, ?, ?, 'PENDING', NULL)""")) {
            List<String> recipients = m.envelope().recipients();
            for (int i = 0; i < recipients.size(); i++) {
                s.setString(1, m.id().value());
                s.setInt(2, i);
                s.setString(3, recipients.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Releases every lease; only for a store no other process can be using. Returns how many. */
    public int releaseAllLeases(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE messages SET lease_until = NULL WHERE lease_until IS NOT NULL")) {
            return s.executeUpdate();
        }
    }

    /**
     * Selects due, unleased messages (locking them on PostgreSQL, skipping rows another node
     * holds), then gives each the next lease number and a lease deadline.
     */
    public List<DeliveryTask> claim(Connection c, Instant now, int max, Duration lease) throws SQLException {
        Map<String, Long> leases = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, lease FROM messages WHERE " + DELIVERABLE
                + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
                + " ORDER BY next_attempt_at, id LIMIT ?" + dialect.claimLock())) {
            s.setLong(1, Columns.micros(now));
            s.setLong(2, Columns.micros(now));
            s.setInt(3, max);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    leases.put(rs.getString(1), rs.getLong(2) + 1);
                }
            }
        }
        if (leases.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE messages SET lease = ?, lease_until = ? WHERE id = ?")) {
            for (Map.Entry<String, Long> e : leases.entrySet()) {
                s.setLong(1, e.getValue());
                s.setLong(2, Columns.micros(now.plus(lease)));
                s.setString(3, e.getKey());
                s.addBatch();
            }
            s.executeBatch();
        }
        List<DeliveryTask> tasks = new ArrayList<>();
        for (StoredMessage m : reads.findAll(c, List.copyOf(leases.keySet()))) {
            List<String> pending = m.recipients().stream()
                    .filter(r -> r.state() == RecipientStatus.State.PENDING).map(RecipientStatus::address).toList();
            tasks.add(new DeliveryTask(m, pending, leases.get(m.id().value())));
        }
        return tasks;
    }

    /**
     * Fences on the lease first (an UPDATE that matches only if the lease is still this task's,
     * which also locks the row), then writes the recipients, the message's new state and the DSN.
     */
    public boolean record(Connection c, DeliveryTask task, DeliveryOutcome outcome, Instant now) throws SQLException {
        String id = task.message().id().value();
        try (PreparedStatement s = c.prepareStatement("UPDATE messages SET lease_until = NULL,"
                + " attempts = attempts + 1, updated_at = ? WHERE id = ? AND lease = ? AND lease_until IS NOT NULL"
                + " AND " + DELIVERABLE)) {
            s.setLong(1, Columns.micros(now));
            s.setString(2, id);
            s.setLong(3, task.lease());
            if (s.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE recipients SET state = ?, last_reply = ? WHERE message_id = ? AND address = ?")) {
            for (DeliveryOutcome.RecipientResult r : outcome.results()) {
                s.setString(1, r.state().name());
                setOptional(s, 2, Optional.ofNullable(r.reply()));
                s.setString(3, id);
                s.setString(4, r.address());
                s.addBatch();
            }
            s.executeBatch();
        }
        MessageState state = stateAfterAttempt(c, id);
        String sql = "UPDATE messages SET state = ?"
                + (state == MessageState.DEFERRED ? ", next_attempt_at = ?" : "")
                + (outcome.error().isPresent() ? ", last_error = ?" : "") + " WHERE id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, state.name());
            if (state == MessageState.DEFERRED) {
                s.setLong(i++, Columns.micros(outcome.nextAttemptAt()));
            }
            if (outcome.error().isPresent()) {
                s.setString(i++, outcome.error().get());
            }
            s.setString(i, id);
            s.executeUpdate();
        }
        if (outcome.bounce().isPresent()) {
            NewMessage b = outcome.bounce().get();
            // the contract queues a DSN whatever state its maker wrote
            insert(c, new NewMessage(b.id(), b.envelope(), b.content(), b.decision(), MessageState.QUEUED), now);
        }
        return true;
    }

    /** Moves the message only if it is still in {@code from}; the note replaces the last error. */
    public boolean transition(Connection c, MessageId id, MessageState from, MessageState to, Optional<String> note,
                              Instant now) throws SQLException {
        String sql = "UPDATE messages SET state = ?, updated_at = ?"
                + (note.isPresent() ? ", last_error = ?" : "") + " WHERE id = ? AND state = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, to.name());
            s.setLong(i++, Columns.micros(now));
            if (note.isPresent()) {
                s.setString(i++, note.get());
            }
            s.setString(i++, id.value());
            s.setString(i, from.name());
            return s.executeUpdate() == 1;
        }
    }

    /** Moves a QUEUED or DEFERRED message's next attempt to {@code due}; false if it is not in the queue. */
    public boolean dueAt(Connection c, MessageId id, Instant due, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE messages SET next_attempt_at = ?, updated_at = ?"
                + " WHERE id = ? AND " + DELIVERABLE)) {
            s.setLong(1, Columns.micros(due));
            s.setLong(2, Columns.micros(now));
            s.setString(3, id.value());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Moves a QUEUED or DEFERRED message that no live lease (at {@code leaseNow}) holds to {@code to},
     * its note the last error; false if it is not in the queue or is being delivered.
     */
    public boolean dequeue(Connection c, MessageId id, MessageState to, String note, Instant leaseNow, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE messages SET state = ?, last_error = ?, updated_at = ?"
                + " WHERE id = ? AND " + DELIVERABLE + " AND (lease_until IS NULL OR lease_until <= ?)")) {
            s.setString(1, to.name());
            s.setString(2, note);
            s.setLong(3, Columns.micros(now));
            s.setString(4, id.value());
            s.setLong(5, Columns.micros(leaseNow));
            return s.executeUpdate() == 1;
        }
    }

    /** DEFERRED while a recipient is pending, else FAILED if one failed, else DELIVERED. */
    private static MessageState stateAfterAttempt(Connection c, String id) throws SQLException {
        boolean pending = false;
        boolean failed = false;
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT state FROM recipients WHERE message_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    RecipientStatus.State r = RecipientStatus.State.valueOf(rs.getString(1));
                    pending |= r == RecipientStatus.State.PENDING;
                    failed |= r == RecipientStatus.State.FAILED;
                }
            }
        }
        return pending ? MessageState.DEFERRED : failed ? MessageState.FAILED : MessageState.DELIVERED;
    }

    private static void setOptional(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }
}
