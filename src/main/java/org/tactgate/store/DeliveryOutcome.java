package org.tactgate.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of one delivery attempt, applied in one transaction by
 * {@link MessageStore#recordDelivery}.
 *
 * @param results       per-recipient result of this attempt
 * @param nextAttemptAt when to retry recipients still PENDING (ignored if none are)
 * @param error         the attempt's error for people, if any
 * @param bounce        a DSN to the sender to store and queue in the same transaction
 */
public record DeliveryOutcome(
        List<RecipientResult> results,
        Instant nextAttemptAt,
        Optional<String> error,
        Optional<NewMessage> bounce) {

    /** One recipient's result: delivered, failed for good, or still pending (retry later). */
    public record RecipientResult(String address, RecipientStatus.State state, String reply) {
    }
}
