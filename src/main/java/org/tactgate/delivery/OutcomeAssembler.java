package org.tactgate.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tactgate.store.DeliveryOutcome;
import org.tactgate.store.DeliveryOutcome.RecipientResult;
import org.tactgate.store.DeliveryTask;
import org.tactgate.store.NewMessage;
import org.tactgate.store.RecipientStatus.State;
import org.tactgate.store.StoredMessage;

/**
 * Turns what the upstream said into what the store records: recipients still pending fail once
 * the message is too old, recipients that failed in this attempt get one DSN to the sender, and
 * the next attempt follows the {@link RetrySchedule}. Pure apart from the DSN's id; thread-safe.
 */
final class OutcomeAssembler {
    private final RetrySchedule schedule;
    private final DeliveryStatusNotification dsn;

    OutcomeAssembler(RetrySchedule schedule, DeliveryStatusNotification dsn) {
        this.schedule = schedule;
        this.dsn = dsn;
    }

    DeliveryOutcome assemble(DeliveryTask task, byte[] content, AttemptResult attempt, Instant now) {
        StoredMessage message = task.message();
        boolean expired = schedule.isExpired(message.envelope().receivedAt(), now);
        List<RecipientResult> results = attempt.results().stream()
                .map(r -> expired && r.state() == State.PENDING
                        ? new RecipientResult(r.address(), State.FAILED, RetrySchedule.EXPIRED_REPLY)
                        : r)
                .toList();
        List<RecipientResult> failed = results.stream().filter(r -> r.state() == State.FAILED).toList();
        Optional<NewMessage> bounce = dsn.build(message, content, failed);
        Instant next = schedule.nextAttempt(message.attempts() + 1, message.envelope().receivedAt(), now);
        Optional<String> error = attempt.error().or(() -> expired && !failed.isEmpty()
                ? Optional.of(RetrySchedule.EXPIRED_REPLY) : Optional.empty());
        return new DeliveryOutcome(results, next, error, bounce);
    }
}
