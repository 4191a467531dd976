package org.tactgate.policy;

import org.tactgate.inspect.Inspection;
import org.tactgate.store.Envelope;

/**
 * Turns findings and the envelope into a {@link Decision}. Pure and thread-safe: it reads the
 * inspection, it does not act on the message (the pipeline stores the decision and acts on it).
 */
public interface Policy {

    Decision decide(Envelope envelope, Inspection inspection);

    /** Delivers everything; used when no detection is configured. */
    Policy PASS_ALL = (envelope, inspection) -> Decision.pass(inspection);
}
