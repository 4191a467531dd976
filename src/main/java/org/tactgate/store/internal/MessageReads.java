package org.tactgate.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tactgate.message.Inspection;
import org.tactgate.message.Decision;
import org.tactgate.message.Verdict;
import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.RecipientStatus;
import org.tactgate.store.StoredMessage;

/**
 * The queries that read messages back. A message and its recipients come from one statement (a
 * join over a selection of message rows), so they are consistent without a read transaction.
 * Bodies are read only by {@link #content}.
 *
 * <p>Stateless and thread-safe; each call uses the connection it is given.
 */
public final class MessageReads {
    private static final String SELECT = """
            SELECT m.id, m.sender, m.client_address, m.helo, m.auth_user, m.received_at, m.state,
                   m.verdict, m.rule, m.findings, m.attempts, m.next_attempt_at, m.last_error,
                   m.updated_at, m.size,
                   r.address AS rcpt_address, r.state AS rcpt_state, r.last_reply AS rcpt_reply
            FROM (%s) m JOIN recipients r ON r.message_id = m.id
            ORDER BY m.received_at, m.id, r.position""";

    public Optional<StoredMessage> find(Connection c, MessageId id) throws SQLException {
        return select(c, "SELECT * FROM messages WHERE id = ?", List.of(id.value())).stream().findFirst();
    }

    /** Messages with these ids, oldest first; ids not found are left out. */
    public List<StoredMessage> findAll(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return select(c, "SELECT * FROM messages WHERE id IN (" + marks + ")", List.copyOf(ids));
    }

    public List<StoredMessage> list(Connection c, MessageState state, int limit) throws SQLException {
        return select(c, "SELECT * FROM messages WHERE state = ? ORDER BY received_at, id LIMIT ?",
                List.of(state.name(), limit));
    }

    public Optional<byte[]> content(Connection c, MessageId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT bytes FROM message_content WHERE id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    public Map<MessageState, Long> countByState(Connection c) throws SQLException {
        Map<MessageState, Long> counts = new EnumMap<>(MessageState.class);
        try (PreparedStatement s = c.prepareStatement("SELECT state, COUNT(*) FROM messages GROUP BY state");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(MessageState.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return counts;
    }

    private List<StoredMessage> select(Connection c, String selection, List<Object> params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT.formatted(selection))) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                return messages(rs);
            }
        }
    }

    /** Folds the join's rows (one per recipient, grouped by message) into messages. */
    private static List<StoredMessage> messages(ResultSet rs) throws SQLException {
        List<StoredMessage> out = new ArrayList<>();
        boolean more = rs.next();
        while (more) {
            MessageRow row = MessageRow.read(rs);
            List<RecipientStatus> recipients = new ArrayList<>();
            do {
                recipients.add(new RecipientStatus(rs.getString("rcpt_address"),
                        RecipientStatus.State.valueOf(rs.getString("rcpt_state")),
                        Optional.ofNullable(rs.getString("rcpt_reply"))));
                more = rs.next();
            } while (more && row.id().equals(rs.getString("id")));
            out.add(row.toMessage(recipients));
        }
        return out;
    }

    /** The messages table's columns of one row, before its recipients are read. */
    private record MessageRow(String id, String sender, String clientAddress, String helo,
                              Optional<String> authUser, long receivedAt, String state, Decision decision,
                              int attempts, long nextAttemptAt, Optional<String> lastError, long updatedAt,
                              long size) {

        static MessageRow read(ResultSet rs) throws SQLException {
            Decision decision = new Decision(Verdict.valueOf(rs.getString("verdict")), rs.getString("rule"),
                    new Inspection(Columns.findings(rs.getString("findings"))));
            return new MessageRow(rs.getString("id"), rs.getString("sender"), rs.getString("client_address"),
                    rs.getString("helo"), Optional.ofNullable(rs.getString("auth_user")), rs.getLong("received_at"),
                    rs.getString("state"), decision, rs.getInt("attempts"), rs.getLong("next_attempt_at"),
                    Optional.ofNullable(rs.getString("last_error")), rs.getLong("updated_at"), rs.getLong("size"));
        }

        StoredMessage toMessage(List<RecipientStatus> recipients) {
            Envelope envelope = new Envelope(sender, recipients.stream().map(RecipientStatus::address).toList(),
                    clientAddress, helo, authUser, Columns.instant(receivedAt));
            return new StoredMessage(new MessageId(id), envelope, MessageState.valueOf(state), decision,
                    List.copyOf(recipients), attempts, Columns.instant(nextAttemptAt), lastError,
                    Columns.instant(updatedAt), size);
        }
    }
}
