package org.tactgate.hold;

/**
 * Who did something to a message, for the audit trail.
 *
 * @param name    the person's login or address, or {@code system}
 * @param address where they acted from: a client IP, {@code cli}, or {@code scheduler}
 */
public record Actor(String name, String address, Role role) {

    public enum Role { SENDER, APPROVER, REVIEWER, ADMIN, CLI, SYSTEM }

    public static Actor system(String what) {
        return new Actor("system", what, Role.SYSTEM);
    }
}
