package org.tactgate.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions in memory: a session ends after {@code idle} without a request, and in any
 * case {@link #MAX_AGE} after login. Sessions live in this process (a restart logs everyone out;
 * with several nodes, the console needs sticky sessions).
 *
 * <p>Thread-safe. At most {@link #MAX_SESSIONS}: expired ones are swept when a new one starts.
 */
final class Sessions {
    static final Duration MAX_AGE = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 10_000;

    private final Clock clock;
    private final Duration idle;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Sessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    Session start(String user, Role role) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> !alive(s, now));
            if (sessions.size() >= MAX_SESSIONS) {
                throw new IllegalStateException("too many console sessions");
            }
        }
        Session s = new Session(Secrets.random(32), user, role, Secrets.random(24), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle clock restarted; empty (and forgotten) once expired. */
    Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = sessions.computeIfPresent(id, (k, old) -> alive(old, now) ? old.seen(now) : null);
        return Optional.ofNullable(s);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    Duration idle() {
        return idle;
    }

    private boolean alive(Session s, Instant now) {
        return s.lastSeen().plus(idle).isAfter(now) && s.createdAt().plus(MAX_AGE).isAfter(now);
    }
}
