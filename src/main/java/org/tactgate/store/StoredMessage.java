package org.tactgate.store;

import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tactgate.message.Decision;

/**
 * A message's metadata as the store has it (the content is read separately, it can be large).
 *
 * @param attempts      delivery attempts made so far
 * @param nextAttemptAt when a QUEUED/DEFERRED message is next due
 * @param lastError     the last delivery error, for people to see
 */
public record StoredMessage(
        MessageId id,
        Envelope envelope,
        MessageState state,
        Decision decision,
        List<RecipientStatus> recipients,
        int attempts,
        Instant nextAttemptAt,
        Optional<String> lastError,
        Instant updatedAt,
        long size) {
}
