package org.tactgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final RetrySchedule schedule =
            new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(2));
    private final Instant received = Instant.parse("2025-06-03T10:00:00Z");

    @Test
    void delayShouldDoubleFromInitialUpToMaxInterval() {
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.delayAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(schedule.delayAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void nextAttemptShouldBePulledForwardToTheExpiryDeadline() {
        Instant now = received.plus(Duration.ofMinutes(115));
        assertThat(schedule.nextAttempt(20, received, now)).isEqualTo(received.plus(Duration.ofHours(2)));
        assertThat(schedule.nextAttempt(1, received, received)).isEqualTo(received.plus(Duration.ofMinutes(1)));
    }

    @Test
    void messageShouldExpireOnceItIsMaxAgeOld() {
        assertThat(schedule.isExpired(received, received.plus(Duration.ofMinutes(119)))).isFalse();
        assertThat(schedule.isExpired(received, received.plus(Duration.ofHours(2)))).isTrue();
    }
}
