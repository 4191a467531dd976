package org.tactgate.store;

/**
 * Where a stored message is on its path (DESIGN.md, "States of a stored message").
 * A message leaves the store only through a terminal state; nothing accepted disappears.
 */
public enum MessageState {
    /** Committed at intake; not yet judged (a crash between commit and judgement resumes here). */
    RECEIVED,
    /** Waiting for delivery, or being delivered under a lease. */
    QUEUED,
    /** Waiting for the sender's "are you sure?" decision. */
    HELD,
    /** Waiting for a compliance reviewer. */
    QUARANTINED,
    /** Refused during the SMTP session; kept for the audit trail only. */
    REJECTED,
    /** A delivery attempt failed temporarily; retried at its next attempt time. */
    DEFERRED,
    DELIVERED,
    /** Delivery failed permanently or timed out; a DSN went to the sender. */
    FAILED,
    /** Returned to the sender without delivery (cancelled, timed out, or reviewer's bounce). */
    BOUNCED,
    /** Removed by a reviewer; metadata and audit remain. */
    DELETED;

    /** States the delivery queue works on. */
    public boolean isDeliverable() {
        return this == QUEUED || this == DEFERRED;
    }

    public boolean isTerminal() {
        return this == DELIVERED || this == FAILED || this == BOUNCED || this == DELETED || this == REJECTED;
    }
}
