package org.tactgate.store;

import org.tactgate.message.MessageId;
import java.time.Instant;
import java.util.Optional;

/**
 * One append-only audit row: every verdict, notice, human and automatic action.
 *
 * @param message the message it concerns, if any
 * @param actor   who: a login, an address, {@code system}
 * @param from    where from: client IP, {@code cli}, {@code scheduler}, {@code smtp}
 * @param action  what, as a stable word: {@code verdict}, {@code notice}, {@code confirm}, {@code release}…
 * @param detail  why / the free text a person gave
 */
public record AuditEntry(Instant at, Optional<MessageId> message, String actor, String from, String action,
                         String detail) {
}
