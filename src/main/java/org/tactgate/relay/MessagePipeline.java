package org.tactgate.relay;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.notify.LinkSigner;
import org.tactgate.message.Decision;
import org.tactgate.policy.Policy;
import org.tactgate.message.Verdict;
import org.tactgate.smtp.Intake;
import org.tactgate.smtp.IntakeException;
import org.tactgate.store.Admission;
import org.tactgate.store.AuditEntry;
import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;
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
 * <p>With the hold lifecycle ({@link Admissions}), the message, its hold terms, its notices and
 * its audit rows are one transaction, so a held message and the "are you sure?" notice about it
 * are both durable, or neither is. A message carrying Tactgate's own release stamp is passed
 * without inspection: a released message is never held again on its way out.
 *
 * <p>Thread-safe: called concurrently from SMTP session threads.
 */
public final class MessagePipeline implements Intake {
    private static final Logger log = LoggerFactory.getLogger(MessagePipeline.class);

    private final MessageStore store;
    private final Runnable onQueued;
    private final Optional<Admissions> admissions;
    private final Optional<LinkSigner> signer;
    private final Consumer<Decision> onJudged;
    private volatile Judging judging;

    /**
     * The inspector and policy that judge a message, replaced together by a reload: one message
     * is judged, and its hold terms looked up, by one pair, never by the old inspector and the new
     * policy (whose rules the decision might not name).
     */
    private record Judging(MessageInspector inspector, Policy policy) {
    }

    /**
     * A pipeline without the hold lifecycle: messages are stored in their first state, no notices.
     *
     * @param onQueued called after a message was committed QUEUED (wakes the delivery queue)
     */
    public MessagePipeline(MessageInspector inspector, Policy policy, MessageStore store, Runnable onQueued) {
        this(inspector, policy, store, onQueued, Optional.empty(), Optional.empty(), decision -> { });
    }

    /**
     * @param admissions what a verdict brings (hold terms, notices, tags, audit), committed with the message
     * @param signer     recognises the stamp of a message Tactgate released, which is never held again
     * @param onJudged   told every decision (metrics); must be fast and must not throw
     */
    MessagePipeline(MessageInspector inspector, Policy policy, MessageStore store, Runnable onQueued,
                    Optional<Admissions> admissions, Optional<LinkSigner> signer, Consumer<Decision> onJudged) {
        this.judging = new Judging(inspector, policy);
        this.store = store;
        this.onQueued = onQueued;
        this.admissions = admissions;
        this.signer = signer;
        this.onJudged = onJudged;
    }

    /**
     * Judges the messages that arrive from now on with {@code inspector} and {@code policy} (a
     * reload); a message being judged at this moment finishes with the pair it started with.
     */
    void judgeWith(MessageInspector inspector, Policy policy) {
        judging = new Judging(inspector, policy);
    }

    @Override
    public MessageId receive(Envelope envelope, byte[] content) throws IntakeException {
        MessageId id = MessageId.next();
        MDC.put("msg", id.value());
        try {
            Judging with = judging;
            Policy policy = with.policy();
            Decision decision = judge(with, envelope, content);
            onJudged.accept(decision);
            if (decision.verdict() == Verdict.REJECT) {
                log.info("rejected: from=<{}> rule={}", envelope.sender(), decision.rule());
                String why = policy.terms(decision).reason().map(r -> r.replaceAll("[\\r\\n]+", " "))
                        .orElse("message refused by policy");
                if (admissions.isPresent()) {
                    auditReject(id, envelope, decision);
                }
                throw IntakeException.permanent(why + " (" + decision.rule() + ")");
            }
            MessageState state;
            try {
                if (admissions.isPresent()) {
                    Admission admission = admissions.get().admit(id, envelope, content, decision, policy.terms(decision));
                    state = admission.message().state();
                    store.admit(admission);
                } else {
                    state = firstStateOrHold(decision.verdict());
                    store.accept(new NewMessage(id, envelope, content, decision, state));
                }
            } catch (StoreException e) {
                log.error("store failed, answering 451: {}", e.getMessage(), e);
                throw IntakeException.temporary("cannot store the message now, try again later", e);
            }
            log.info("accepted: from=<{}> nrcpt={} size={} verdict={} rule={} state={}",
                    envelope.sender(), envelope.recipients().size(), content.length,
                    decision.verdict(), decision.rule(), state);
            if (state == MessageState.QUEUED || admissions.isPresent() && decision.verdict().stops()) {
                // the message itself, or the notices committed with it
                onQueued.run();
            }
            return id;
        } finally {
            MDC.remove("msg");
        }
    }

    /** Inspects and decides; an inspector or policy failure becomes a hold, never a pass. */
    Decision judge(Envelope envelope, byte[] content) {
        return judge(judging, envelope, content);
    }

    private Decision judge(Judging with, Envelope envelope, byte[] content) {
        if (releasedByUs(content)) {
            return new Decision(Verdict.PASS, "released", Inspection.NOTHING);
        }
        Inspection inspection;
        try {
            inspection = with.inspector().inspect(envelope, content);
        } catch (RuntimeException e) {
            log.error("inspection failed, holding the message: {}", e.toString(), e);
            return failedClosed("inspection failed: " + e);
        }
        try {
            return with.policy().decide(envelope, inspection, content);
        } catch (RuntimeException e) {
            log.error("policy failed, holding the message: {}", e.toString(), e);
            return failedClosed("policy failed: " + e);
        }
    }

    /** A refused message is not stored, but its verdict is: the audit row keeps who sent what to whom. */
    private void auditReject(MessageId id, Envelope envelope, Decision decision) {
        try {
            store.audit().append(new AuditEntry(java.time.Instant.now(), Optional.of(id), "system", "smtp", "verdict",
                    "REJECT by rule " + decision.rule() + " from <" + envelope.sender() + "> to "
                            + String.join(", ", envelope.recipients())));
        } catch (StoreException e) {
            // the refusal stands either way; the sender's MTA reports it
            log.warn("rejected message's audit row not written: {}", e.getMessage());
        }
    }

    /** A message Tactgate itself released (it carries our signed stamp) coming round again. */
    private boolean releasedByUs(byte[] content) {
        if (signer.isEmpty()) {
            return false;
        }
        try {
            String[] stamps = new InternetHeaders(new ByteArrayInputStream(content)).getHeader("X-Tactgate-Released");
            return stamps != null && java.util.Arrays.stream(stamps).anyMatch(signer.get()::isReleaseStamp);
        } catch (MessagingException e) {
            return false;
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
            case QUARANTINE -> MessageState.QUARANTINED;
            case BOUNCE -> MessageState.BOUNCED;
            case REJECT -> throw new IllegalArgumentException("REJECT is answered in the session, not stored");
        };
    }

    /**
     * As {@link #firstState}, for a message already accepted with no notice: a REJECT can no
     * longer be answered and a BOUNCE would return it unexplained, so both wait for a person.
     */
    static MessageState firstStateOrHold(Verdict verdict) {
        return verdict == Verdict.REJECT || verdict == Verdict.BOUNCE ? MessageState.QUARANTINED : firstState(verdict);
    }
}
