package org.tactgate.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tactgate.store.AuditEntry;
import org.tactgate.message.MessageId;

/**
 * The audit table: rows are only ever inserted (the schema's triggers refuse UPDATE and DELETE).
 * Stateless and thread-safe; each call uses the connection it is given.
 */
public final class AuditRows {
    private static final String COLUMNS = "SELECT at, message_id, actor, origin, action, detail FROM audit";

    public void append(Connection c, List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit (at, message_id, actor, origin, action, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry e : entries) {
                s.setLong(1, Columns.micros(e.at()));
                if (e.message().isPresent()) {
                    s.setString(2, e.message().get().value());
                } else {
                    s.setNull(2, Types.VARCHAR);
                }
                s.setString(3, e.actor());
                s.setString(4, e.from());
                s.setString(5, e.action());
                s.setString(6, e.detail());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public List<AuditEntry> forMessage(Connection c, MessageId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COLUMNS + " WHERE message_id = ? ORDER BY seq")) {
            s.setString(1, id.value());
            return rows(s);
        }
    }

    public List<AuditEntry> list(Connection c, Optional<Instant> since, Optional<Instant> until,
                                 Optional<String> action, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COLUMNS
                + " WHERE at >= ? AND at < ? AND (CAST(? AS TEXT) IS NULL OR action = ?) ORDER BY at, seq LIMIT ?")) {
            s.setLong(1, since.map(Columns::micros).orElse(Long.MIN_VALUE));
            s.setLong(2, until.map(Columns::micros).orElse(Long.MAX_VALUE));
            s.setString(3, action.orElse(null));
            s.setString(4, action.orElse(null));
            s.setInt(5, Math.max(0, limit));
            return rows(s);
        }
    }

    private static List<AuditEntry> rows(PreparedStatement s) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(Columns.instant(rs.getLong(1)),
                        Optional.ofNullable(rs.getString(2)).map(MessageId::new), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }
}
