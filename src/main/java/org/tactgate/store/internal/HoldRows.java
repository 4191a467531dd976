package org.tactgate.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tactgate.store.Admission;
import org.tactgate.store.Hold;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;
import org.tactgate.store.Resolution;

/**
 * The statements of the hold lifecycle: admitting a message with its hold, notices and audit;
 * resolving it (a conditional state change, then the rest); finding due deadlines; purging.
 * Each write method is the body of one transaction (the caller commits or rolls back).
 *
 * <p>Thread-safe (stateless apart from the helpers it reuses).
 */
public final class HoldRows {
    private static final String SELECT = "SELECT h.message_id, h.rule, h.deadline_at, h.at_deadline, h.notify,"
            + " h.approver, h.awaiting FROM holds h";

    private final MessageWrites messages;
    private final AuditRows audit;

    public HoldRows(MessageWrites messages, AuditRows audit) {
        this.messages = messages;
        this.audit = audit;
    }

    /** The message, then its hold row, then each notice as a QUEUED message, then the audit rows. */
    public void admit(Connection c, Admission a, Instant now) throws SQLException {
        messages.insert(c, a.message(), now);
        if (a.hold().isPresent()) {
            insertHold(c, a.hold().get());
        }
        queue(c, a.notices(), now);
        audit.append(c, a.audit());
    }

    /**
     * Spends the token first (an insert that does nothing if the token is there: on PostgreSQL a
     * racing twin waits on the key and then finds it), then moves the message with an UPDATE
     * conditional on its state and its hold's party. If the move does not apply, the token is
     * given back and nothing else is written; otherwise the hold, bytes, recipients, notices and
     * the audit row follow.
     */
    public Resolution.Result resolve(Connection c, Resolution r, Instant now) throws SQLException {
        if (r.token().isPresent() && !spend(c, r, now)) {
            return Resolution.Result.TOKEN_SPENT;
        }
        if (!move(c, r, now)) {
            if (r.token().isPresent()) {
                unspend(c, r.token().get().signature());
            }
            return Resolution.Result.NOT_APPLICABLE;
        }
        if (r.awaiting().isPresent()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE holds SET awaiting = ? WHERE message_id = ?")) {
                s.setString(1, r.awaiting().get().name());
                s.setString(2, r.id().value());
                s.executeUpdate();
            }
        }
        if (r.content().isPresent()) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE message_content SET bytes = ? WHERE id = ?")) {
                s.setBytes(1, r.content().get());
                s.setString(2, r.id().value());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE messages SET size = ? WHERE id = ?")) {
                s.setLong(1, r.content().get().length);
                s.setString(2, r.id().value());
                s.executeUpdate();
            }
        }
        if (!r.dropRecipients().isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM recipients WHERE message_id = ? AND address = ?")) {
                for (String address : r.dropRecipients()) {
                    s.setString(1, r.id().value());
                    s.setString(2, address);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        queue(c, r.notices(), now);
        audit.append(c, List.of(r.audit()));
        return Resolution.Result.APPLIED;
    }

    public Optional<Hold> find(Connection c, MessageId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE h.message_id = ?")) {
            s.setString(1, id.value());
            return holds(s).stream().findFirst();
        }
    }

    public boolean spent(Connection c, String signature) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM used_tokens WHERE token = ?")) {
            s.setString(1, signature);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    public List<Hold> due(Connection c, Instant now, int max) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " JOIN messages m ON m.id = h.message_id"
                + " WHERE h.deadline_at <= ? AND m.state IN ('HELD', 'QUARANTINED')"
                + " ORDER BY h.deadline_at, h.message_id LIMIT ?")) {
            s.setLong(1, Columns.micros(now));
            s.setInt(2, Math.max(0, max));
            return holds(s);
        }
    }

    /** Deletes finished held messages' bytes untouched since {@code before}, and old spent tokens. */
    public int purge(Connection c, Instant before) throws SQLException {
        int purged;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM message_content WHERE id IN ("
                + "SELECT m.id FROM messages m JOIN holds h ON h.message_id = m.id"
                + " WHERE m.state IN ('DELIVERED', 'FAILED', 'BOUNCED', 'DELETED') AND m.updated_at < ?)")) {
            s.setLong(1, Columns.micros(before));
            purged = s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM used_tokens WHERE expires_at < ?")) {
            s.setLong(1, Columns.micros(before));
            s.executeUpdate();
        }
        return purged;
    }

    private boolean move(Connection c, Resolution r, Instant now) throws SQLException {
        if (r.from().isEmpty()) {
            return false;
        }
        StringBuilder sql = new StringBuilder("UPDATE messages SET state = ?, updated_at = ?, next_attempt_at = ?")
                .append(r.note().isPresent() ? ", last_error = ?" : "")
                .append(" WHERE id = ? AND state IN (").append(marks(r.from().size())).append(")");
        if (r.requireAwaiting().isPresent()) {
            sql.append(" AND EXISTS (SELECT 1 FROM holds h WHERE h.message_id = messages.id AND h.awaiting = ?)");
        }
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setString(i++, r.to().name());
            s.setLong(i++, Columns.micros(now));
            s.setLong(i++, Columns.micros(now)); // a released message is due at once
            if (r.note().isPresent()) {
                s.setString(i++, r.note().get());
            }
            s.setString(i++, r.id().value());
            for (MessageState state : r.from().stream().sorted().toList()) {
                s.setString(i++, state.name());
            }
            if (r.requireAwaiting().isPresent()) {
                s.setString(i, r.requireAwaiting().get().name());
            }
            return s.executeUpdate() == 1;
        }
    }

    private static boolean spend(Connection c, Resolution r, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO used_tokens (token, message_id, used_at, expires_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (token) DO NOTHING")) {
            s.setString(1, r.token().get().signature());
            s.setString(2, r.id().value());
            s.setLong(3, Columns.micros(now));
            s.setLong(4, Columns.micros(r.token().get().expires()));
            return s.executeUpdate() == 1;
        }
    }

    private static void unspend(Connection c, String signature) throws SQLException {
        // a token whose action did not apply stays usable: the page said nothing happened
        try (PreparedStatement s = c.prepareStatement("DELETE FROM used_tokens WHERE token = ?")) {
            s.setString(1, signature);
            s.executeUpdate();
        }
    }

    private void queue(Connection c, List<NewMessage> notices, Instant now) throws SQLException {
        for (NewMessage n : notices) {
            messages.insert(c, new NewMessage(n.id(), n.envelope(), n.content(), n.decision(), MessageState.QUEUED), now);
        }
    }

    private static void insertHold(Connection c, Hold h) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO holds (message_id, rule, deadline_at, at_deadline,"
                + " notify, approver, awaiting) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, h.id().value());
            s.setString(2, h.rule());
            s.setLong(3, Columns.micros(h.deadline()));
            s.setString(4, h.atDeadline().name());
            s.setString(5, String.join(",", h.notified()));
            if (h.approver().isPresent()) {
                s.setString(6, h.approver().get());
            } else {
                s.setNull(6, Types.VARCHAR);
            }
            s.setString(7, h.awaiting().name());
            s.executeUpdate();
        }
    }

    private static List<Hold> holds(PreparedStatement s) throws SQLException {
        List<Hold> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String notify = rs.getString(5);
                out.add(new Hold(new MessageId(rs.getString(1)), rs.getString(2), Columns.instant(rs.getLong(3)),
                        Hold.AtDeadline.valueOf(rs.getString(4)),
                        notify.isEmpty() ? List.of() : Arrays.asList(notify.split(",")),
                        Optional.ofNullable(rs.getString(6)), Hold.Awaiting.valueOf(rs.getString(7))));
            }
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
