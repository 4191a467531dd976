package org.tactgate.delivery;

import java.time.Duration;
import java.time.Instant;
import org.tactgate.config.DeliverySettings;

/**
 * When to try a message again and when to give up: the wait starts at
 * {@code delivery.retry.initial} and doubles after each attempt up to
 * {@code delivery.retry.max-interval}; once a message is {@code delivery.retry.max-age} old its
 * pending recipients fail. The retry before that moment is pulled forward to it, so the last
 * attempt happens at the deadline rather than up to one interval later. Immutable, thread-safe.
 */
public final class RetrySchedule {
    /** The reply recorded for recipients still pending when a message expires. */
    public static final String EXPIRED_REPLY = "4.4.7 delivery time expired";

    private final Duration initial;
    private final Duration maxInterval;
    private final Duration maxAge;

    public RetrySchedule(Duration initial, Duration maxInterval, Duration maxAge) {
        if (initial.isNegative() || initial.isZero() || maxInterval.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max-interval, got " + initial + ", " + maxInterval);
        }
        this.initial = initial;
        this.maxInterval = maxInterval;
        this.maxAge = maxAge;
    }

    public static RetrySchedule of(DeliverySettings settings) {
        return new RetrySchedule(settings.retryInitial(), settings.retryMaxInterval(), settings.retryMaxAge());
    }

    /** The wait after the {@code attempts}-th failed attempt (1 → initial, 2 → twice that, …). */
    public Duration delayAfter(int attempts) {
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(maxInterval) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxInterval) > 0 ? maxInterval : delay;
    }

    /** When to try again after {@code attempts} attempts, the last one at {@code now}. */
    public Instant nextAttempt(int attempts, Instant receivedAt, Instant now) {
        Instant next = now.plus(delayAfter(attempts));
        Instant deadline = receivedAt.plus(maxAge);
        return next.isAfter(deadline) && deadline.isAfter(now) ? deadline : next;
    }

    /** True once the message has waited {@code max-age}: pending recipients fail now. */
    public boolean isExpired(Instant receivedAt, Instant now) {
        return !now.isBefore(receivedAt.plus(maxAge));
    }
}
