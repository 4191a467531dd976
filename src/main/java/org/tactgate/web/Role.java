package org.tactgate.web;

import java.util.Locale;
import org.tactgate.hold.Actor;

/** What a console user may do: a reviewer releases and bounces; an admin also deletes and tunes. */
public enum Role {
    REVIEWER, ADMIN;

    /** {@code reviewer} or {@code admin}, any case; throws {@link IllegalArgumentException} otherwise. */
    public static Role parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public boolean isAdmin() {
        return this == ADMIN;
    }

    Actor.Role actorRole() {
        return this == ADMIN ? Actor.Role.ADMIN : Actor.Role.REVIEWER;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
