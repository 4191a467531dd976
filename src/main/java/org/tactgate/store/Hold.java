package org.tactgate.store;

import org.tactgate.message.MessageId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The terms a HELD or QUARANTINED message waits under: the rule that stopped it, its deadline and
 * what happens then, who was notified, and whose decision it waits for.
 *
 * @param notified the addresses told about the hold (the sender, reviewers)
 * @param approver whose approval the rule requires, if any
 */
public record Hold(MessageId id, String rule, Instant deadline, AtDeadline atDeadline, List<String> notified,
                   Optional<String> approver, Awaiting awaiting) {

    public Hold {
        notified = List.copyOf(notified);
    }

    /** What the deadline does to a message nobody decided on. */
    public enum AtDeadline { RELEASE, BOUNCE }

    /** Whose decision the message waits for. */
    public enum Awaiting { SENDER, APPROVER, REVIEWER }

    public Hold awaiting(Awaiting next) {
        return new Hold(id, rule, deadline, atDeadline, notified, approver, next);
    }
}
