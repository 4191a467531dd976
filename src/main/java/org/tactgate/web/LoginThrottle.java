package org.tactgate.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins within {@link #WINDOW} for
 * one user name, or {@code 4 ×} that many from one client address, further attempts are refused
 * until the oldest failure leaves the window. A success clears the name's failures.
 *
 * <p>Thread-safe. Memory is bounded: at most {@link #MAX_KEYS} names and addresses are tracked;
 * past that the table is cleared of stale keys, and if still full, of everything (an attacker
 * filling it gains at most a fresh window).
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this name and address must wait before trying again; empty when they may try now. */
    Optional<Duration> waitBefore(String name, String address) {
        Instant now = clock.instant();
        Optional<Instant> byName = blockedUntil("user:" + name.toLowerCase(java.util.Locale.ROOT), MAX_FAILURES, now);
        Optional<Instant> byAddress = blockedUntil("ip:" + address, MAX_FAILURES * 4, now);
        return byName.or(() -> byAddress).map(until -> Duration.between(now, until));
    }

    void failed(String name, String address) {
        if (failures.size() > MAX_KEYS) {
            Instant cutoff = clock.instant().minus(WINDOW);
            failures.values().removeIf(q -> q.isEmpty() || q.peekLast().isBefore(cutoff));
            if (failures.size() > MAX_KEYS) {
                failures.clear();
            }
        }
        record("user:" + name.toLowerCase(java.util.Locale.ROOT));
        record("ip:" + address);
    }

    void succeeded(String name) {
        failures.remove("user:" + name.toLowerCase(java.util.Locale.ROOT));
    }

    private void record(String key) {
        Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(clock.instant());
            while (q.size() > MAX_FAILURES * 4) {
                q.removeFirst();
            }
        }
    }

    private Optional<Instant> blockedUntil(String key, int limit, Instant now) {
        Deque<Instant> q = failures.get(key);
        if (q == null) {
            return Optional.empty();
        }
        synchronized (q) {
            q.removeIf(t -> !t.plus(WINDOW).isAfter(now));
            if (q.size() < limit) {
                return Optional.empty();
            }
            // the attempt that would bring the count under the limit again
            return Optional.of(q.stream().skip(q.size() - limit).findFirst().orElseThrow().plus(WINDOW));
        }
    }
}
