package org.tactgate.store;

import java.util.List;
import java.util.Optional;

/**
 * A new message with everything its verdict brings, committed by {@link MessageStore#admit} in
 * one transaction: the message, its hold terms (when HELD or QUARANTINED), the notices about it
 * (stored QUEUED, so they are as durable as the message) and its audit rows.
 */
public record Admission(NewMessage message, Optional<Hold> hold, List<NewMessage> notices, List<AuditEntry> audit) {

    public Admission {
        notices = List.copyOf(notices);
        audit = List.copyOf(audit);
        if (hold.isPresent() && !hold.get().id().equals(message.id())) {
            throw new IllegalArgumentException("the hold is not about " + message.id());
        }
    }
}
