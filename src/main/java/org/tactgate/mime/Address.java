package org.tactgate.mime;

import java.util.Locale;

/**
 * A mailbox as written in a header: the address (lower-cased) and the display name (may be empty).
 */
public record Address(String email, String displayName) {

    public Address {
        email = email.trim().toLowerCase(Locale.ROOT);
        displayName = displayName == null ? "" : displayName.trim();
    }

    /** The part after {@code @}, or empty when the address has none. */
    public String domain() {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1);
    }
}
