package org.tactgate.store;

import org.tactgate.message.MessageId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The append-only audit trail. Rows are never updated or deleted (message bodies may be purged;
 * their audit rows stay). Thread-safe; throws {@link StoreException} when the database fails.
 */
public interface AuditLog {

    void append(AuditEntry entry);

    /** Every row about one message, oldest first. */
    List<AuditEntry> forMessage(MessageId id);

    /** Rows in a time window, optionally of one action, oldest first, at most {@code limit}. */
    List<AuditEntry> list(Optional<Instant> since, Optional<Instant> until, Optional<String> action, int limit);
}
