package org.tactgate.relay;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tactgate.inspect.Finding;
import org.tactgate.inspect.Inspection;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.policy.Decision;
import org.tactgate.policy.Policy;
import org.tactgate.policy.Verdict;
import org.tactgate.smtp.Intake;
import org.tactgate.smtp.IntakeException;
import org.tactgate.store.Envelope;
import org.tactgate.store.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.NewMessage;
import org.tactgate.store.StoreException;

/**
 * The path of one message from intake to its first stored state: inspect, decide, commit.
 * Judgement happens in memory before the commit so that message, verdict and findings land in
 * one transaction; the SMTP reply (250) is given only after that commit returns.
 *
 * <p>An inspector that fails never loses or passes the mail: the message is committed HELD with
 * a finding that says the inspection failed (fail closed). A store that fails yields a 451 so the
 * client keeps the message and retries.
 *
 * <p>Thread-safe: called concurrently from SMTP session threads.
 */
public final class MessagePipeline implements Intake {
    private static final Logger log = LoggerFactory.getLogger(MessagePipeline.class);

    private final MessageInspector inspector;
    private final Policy policy;
    private final MessageStore store;
    private final Runnable onQueued;

    /**
     * @param onQueued called after a message was committed QUEUED (wakes the delivery queue)
     */
    public MessagePipeline(MessageInspector inspector, Policy policy, MessageStore store, Runnable onQueued) {
        this.inspector = inspector;
        this.policy = policy;
        this.store = store;
        this.onQueued = onQueued;
    }

    @Override
    public MessageId receive(Envelope envelope, byte[] content) throws IntakeException {
        MessageId id = MessageId.next();
        MDC.put("msg", id.value());
        try {
            Decision decision = judge(envelope, content);
            if (decision.verdict() == Verdict.REJECT) {
                log.info("rejected: from=<{}> rule={}", envelope.sender(), decision.rule());
                throw IntakeException.permanent("message refused by policy (" + decision.rule() + ")");
            }
            MessageState state = firstState(decision.verdict());
            try {
                store.accept(new NewMessage(id, envelope, content, decision, state));
            } catch (StoreException e) {
                log.error("store failed, answering 451: {}", e.getMessage(), e);
                throw IntakeException.temporary("cannot store the message now, try again later", e);
            }
            log.info("accepted: from=<{}> nrcpt={} size={} verdict={} rule={} state={}",
                    envelope.sender(), envelope.recipients().size(), content.length,
                    decision.verdict(), decision.rule(), state);
            if (state == MessageState.QUEUED) {
                onQueued.run();
            }
            return id;
        } finally {
            MDC.remove("msg");
        }
    }

    /** Inspects and decides; an inspector or policy failure becomes a hold, never a pass. */
    Decision judge(Envelope envelope, byte[] content) {
        Inspection inspection;
        try {
            inspection = inspector.inspect(envelope, content);
        } catch (RuntimeException e) {
            log.error("inspection failed, holding the message: {}", e.toString(), e);
            return failedClosed("inspection failed: " + e);
        }
        try {
            return policy.decide(envelope, inspection);
        } catch (RuntimeException e) {
            log.error("policy failed, holding the message: {}", e.toString(), e);
            return failedClosed("policy failed: " + e);
        }
    }

    private static Decision failedClosed(String why) {
        Finding finding = new Finding("inspection-error", 1.0, "message", "", why);
        return new Decision(Verdict.HOLD, "fail-closed", new Inspection(List.of(finding)));
    }

    /** The state a new message starts in for a verdict (DESIGN.md, "States of a stored message"). */
    static MessageState firstState(Verdict verdict) {
        return switch (verdict) {
            case PASS, TAG -> MessageState.QUEUED;
            case HOLD -> MessageState.HELD;
            // Until the hold lifecycle exists, a BOUNCE verdict waits for a person rather than
            // returning mail on a verdict nobody can review.
            case QUARANTINE, BOUNCE -> MessageState.QUARANTINED;
            case REJECT -> throw new IllegalArgumentException("REJECT is answered in the session, not stored");
        };
    }

    /** As {@link #firstState}, for a message already accepted: a REJECT can no longer be answered, so it waits for a person. */
    static MessageState firstStateOrHold(Verdict verdict) {
        return verdict == Verdict.REJECT ? MessageState.QUARANTINED : firstState(verdict);
    }
}
