package org.tactgate.policy;

import org.tactgate.message.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tactgate.store.Hold;

/**
 * What follows from a decision besides its verdict: how long a hold waits and what its deadline
 * does, who is told, whose approval it needs, how a tagged message is marked, the reason a
 * bounce or reject gives, and whether the rule only monitors.
 *
 * @param notifies      {@code sender}, {@code reviewers}, or addresses
 * @param approval      whether the approver decides instead of the sender or after the sender confirmed
 * @param subjectPrefix for TAG: put before the subject
 * @param monitor       record the verdict but deliver anyway
 */
public record Terms(Duration deadline, Hold.AtDeadline atDeadline, List<String> notifies, Optional<String> approver,
                    Approval approval, Optional<String> subjectPrefix, Optional<String> reason, boolean monitor) {

    public static final String SENDER = "sender";
    public static final String REVIEWERS = "reviewers";

    public Terms {
        notifies = List.copyOf(notifies);
    }

    /** When the approver's decision counts. */
    public enum Approval { INSTEAD, AFTER }

    /** The terms of a verdict no rule qualified: a day for the sender, three for reviewers, then bounce. */
    public static Terms of(Verdict verdict) {
        boolean quarantine = verdict == Verdict.QUARANTINE;
        return new Terms(quarantine ? Duration.ofDays(3) : Duration.ofDays(1), Hold.AtDeadline.BOUNCE,
                List.of(quarantine ? REVIEWERS : SENDER), Optional.empty(), Approval.INSTEAD, Optional.empty(),
                Optional.empty(), false);
    }

    public Terms monitoring() {
        return new Terms(deadline, atDeadline, notifies, approver, approval, subjectPrefix, reason, true);
    }
}
