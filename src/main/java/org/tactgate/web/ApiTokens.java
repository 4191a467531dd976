package org.tactgate.web;

import java.util.Optional;

/** Makes a user's API token: a random secret shown once, stored as its SHA-256 only. */
public final class ApiTokens {
    private ApiTokens() {
    }

    /** A new token for {@code name}, replacing any old one; empty if there is no such user. */
    public static Optional<String> issue(UserStore users, String name) {
        String token = "tg_" + Secrets.random(30);
        return users.setApiTokenHash(name, Secrets.sha256Hex(token)) ? Optional.of(token) : Optional.empty();
    }
}
