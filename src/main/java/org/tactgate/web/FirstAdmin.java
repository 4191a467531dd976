package org.tactgate.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.smtp.PasswordHash;

/**
 * On a first start with no console users, creates {@code admin} with a random password and logs
 * that password once, so a newcomer can log in straight away (and should then change it).
 */
public final class FirstAdmin {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private FirstAdmin() {
    }

    /** Returns the password it made, or empty when there were users already. */
    public static java.util.Optional<String> ensure(UserStore users) {
        if (!users.isEmpty()) {
            return java.util.Optional.empty();
        }
        String password = Secrets.random(15);
        try {
            users.add(new Account("admin", Role.ADMIN, PasswordHash.hash(password.toCharArray())));
        } catch (IllegalArgumentException e) {
            // another node made it between our check and our insert: theirs stands
            return java.util.Optional.empty();
        }
        log.warn("no console users existed: created user 'admin' with password {} "
                + "(shown once; add people with 'tactgate user add')", password);
        return java.util.Optional.of(password);
    }
}
