package org.tactgate.inspect;

import org.tactgate.message.Inspection;
import org.tactgate.message.Envelope;

/**
 * Reads one message and reports findings. Called by the pipeline for every message, on SMTP
 * session threads, concurrently: implementations must be thread-safe and must not mutate
 * shared state. They never decide what happens to the mail (that is the policy's job).
 *
 * <p>SECURITY: {@code content} is untrusted bytes from the network; an implementation must
 * not fail on malformed input but report it as a finding.
 */
public interface MessageInspector {

    Inspection inspect(Envelope envelope, byte[] content);

    /** Sees nothing; used until detection is configured. */
    MessageInspector PASS_THROUGH = (envelope, content) -> Inspection.NOTHING;
}
