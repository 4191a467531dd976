package org.tactgate.policy;

import org.tactgate.message.Decision;
import org.tactgate.message.Inspection;
import org.tactgate.message.Envelope;

/**
 * Turns findings and the envelope into a {@link Decision}. Pure and thread-safe: it reads the
 * inspection, it does not act on the message (the pipeline stores the decision and acts on it).
 */
public interface Policy {

    Decision decide(Envelope envelope, Inspection inspection);

    /**
     * As {@link #decide(Envelope, Inspection)}, with the message's bytes for rules that read its
     * headers (who is on To rather than Cc). The relay and {@code check} call this one.
     */
    default Decision decide(Envelope envelope, Inspection inspection, byte[] content) {
        return decide(envelope, inspection);
    }

    /** The terms that come with a decision this policy made: deadline, notices, tagging, monitor mode. */
    default Terms terms(Decision decision) {
        return Terms.of(decision.verdict());
    }

    /** Delivers everything; used when no detection is configured. */
    Policy PASS_ALL = (envelope, inspection) -> Decision.pass(inspection);
}
