package org.tactgate.web;

import java.time.Instant;

/**
 * A logged-in console user.
 *
 * @param id       the cookie value (random, 32 bytes)
 * @param csrf     the token every form POST of this session must carry
 * @param lastSeen the last request, for the idle timeout
 */
record Session(String id, String user, Role role, String csrf, Instant createdAt, Instant lastSeen) {

    Session seen(Instant now) {
        return new Session(id, user, role, csrf, createdAt, now);
    }
}
