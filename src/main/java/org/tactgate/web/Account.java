package org.tactgate.web;

import org.tactgate.smtp.PasswordHash;

/** A console user as stored: login name, role and password hash. */
public record Account(String name, Role role, PasswordHash password) {

    /** Login names: what fits in a URL, a CSV cell and an audit row without quoting. */
    public static boolean isValidName(String name) {
        return name != null && name.matches("[A-Za-z0-9._@-]{1,64}");
    }
}
