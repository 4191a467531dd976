package org.tactgate.relay;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tactgate.directory.Directory;
import org.tactgate.notify.HeldMail;
import org.tactgate.notify.Notices;
import org.tactgate.message.Decision;
import org.tactgate.policy.Terms;
import org.tactgate.message.Verdict;
import org.tactgate.store.Admission;
import org.tactgate.store.AuditEntry;
import org.tactgate.message.Envelope;
import org.tactgate.store.Hold;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;
import org.tactgate.store.StoredMessage;

/**
 * Turns a decision into what is committed with the message (DESIGN.md, "The path of one
 * message"): PASS queues it; TAG adds {@code X-Tactgate-*} headers (and the rule's subject
 * prefix) and queues it; HOLD and QUARANTINE store it with its hold terms and the notices the
 * rule asks for (sender, approver, reviewers); BOUNCE stores it BOUNCED with a notice that returns
 * it to the sender with the reason. In monitor mode (site or rule) a stopping verdict is recorded
 * and the message queued all the same. Every message gets a {@code verdict} audit row, and each
 * notice a {@code notice} row. Thread-safe (immutable).
 */
final class Admissions {
    private final Directory directory;
    private final Notices notices;
    private final List<String> reviewers;
    private final boolean reviewerDigest;
    private final Clock clock;

    Admissions(Directory directory, Notices notices, List<String> reviewers, boolean reviewerDigest, Clock clock) {
        this.directory = directory;
        this.notices = notices;
        this.reviewers = List.copyOf(reviewers);
        this.reviewerDigest = reviewerDigest;
        this.clock = clock;
    }

    Admission admit(MessageId id, Envelope envelope, byte[] content, Decision decision, Terms terms) {
        Instant now = clock.instant();
        Verdict verdict = decision.verdict();
        List<AuditEntry> audit = new ArrayList<>();
        boolean monitored = terms.monitor() && verdict.stops();
        audit.add(entry(now, id, "verdict", verdict + " by rule " + decision.rule()
                + (monitored ? " (monitor mode: delivered)" : "") + findings(decision)));
        if (monitored || verdict == Verdict.PASS) {
            return new Admission(new NewMessage(id, envelope, content, decision, MessageState.QUEUED), Optional.empty(),
                    List.of(), audit);
        }
        if (verdict == Verdict.TAG) {
            byte[] tagged = Tagging.tag(content, decision, terms.subjectPrefix());
            return new Admission(new NewMessage(id, envelope, tagged, decision, MessageState.QUEUED), Optional.empty(),
                    List.of(), audit);
        }
        MessageState state = MessagePipeline.firstState(verdict);
        Hold hold = new Hold(id, decision.rule(), now.plus(terms.deadline()), terms.atDeadline(), recipients(terms,
                envelope), terms.approver(), awaiting(verdict, terms));
        NewMessage message = new NewMessage(id, envelope, content, decision, state);
        HeldMail held = HeldMail.of(asStored(message, now), content, hold, directory);
        List<NewMessage> out = new ArrayList<>();
        if (verdict == Verdict.BOUNCE) {
            if (!envelope.hasNullSender()) {
                out.add(notices.returned(held, content, terms.reason().orElse("the policy does not allow this message ("
                        + decision.rule() + ")")));
            }
        } else {
            out.addAll(holdNotices(held, verdict, terms, envelope));
        }
        for (NewMessage n : out) {
            audit.add(entry(now, id, "notice", "to " + String.join(", ", n.envelope().recipients()) + " (" + n.id() + ")"));
        }
        return new Admission(message, verdict == Verdict.BOUNCE ? Optional.empty() : Optional.of(hold), out, audit);
    }

    private List<NewMessage> holdNotices(HeldMail held, Verdict verdict, Terms terms, Envelope envelope) {
        List<NewMessage> out = new ArrayList<>();
        boolean approverInstead = terms.approver().isPresent() && terms.approval() == Terms.Approval.INSTEAD;
        Set<String> others = new LinkedHashSet<>();
        for (String who : terms.notifies()) {
            if (who.equals(Terms.SENDER)) {
                if (!envelope.hasNullSender()) {
                    Optional<String> decider = verdict == Verdict.QUARANTINE ? Optional.of("a compliance reviewer")
                            : approverInstead ? terms.approver() : Optional.empty();
                    out.add(notices.askSender(held, decider));
                }
            } else if (who.equals(Terms.REVIEWERS)) {
                if (!reviewerDigest) {
                    others.addAll(reviewers);
                }
            } else {
                others.add(who);
            }
        }
        if (verdict == Verdict.HOLD && approverInstead) {
            out.add(notices.askApprover(held, terms.approver().get()));
        }
        if (!others.isEmpty()) {
            out.add(notices.askReviewers(held, List.copyOf(others)));
        }
        return out;
    }

    private static Hold.Awaiting awaiting(Verdict verdict, Terms terms) {
        if (verdict == Verdict.QUARANTINE) {
            return Hold.Awaiting.REVIEWER;
        }
        return terms.approver().isPresent() && terms.approval() == Terms.Approval.INSTEAD
                ? Hold.Awaiting.APPROVER : Hold.Awaiting.SENDER;
    }

    /** The addresses a hold's notices go to, as the hold row records them. */
    private List<String> recipients(Terms terms, Envelope envelope) {
        List<String> out = new ArrayList<>();
        for (String who : terms.notifies()) {
            if (who.equals(Terms.SENDER)) {
                if (!envelope.hasNullSender()) {
                    out.add(envelope.sender());
                }
            } else if (who.equals(Terms.REVIEWERS)) {
                out.addAll(reviewers);
            } else {
                out.add(who.toLowerCase(Locale.ROOT));
            }
        }
        terms.approver().ifPresent(out::add);
        return out.stream().distinct().toList();
    }

    private static StoredMessage asStored(NewMessage m, Instant now) {
        return new StoredMessage(m.id(), m.envelope(), m.state(), m.decision(), m.envelope().recipients().stream()
                .map(a -> new org.tactgate.store.RecipientStatus(a, org.tactgate.store.RecipientStatus.State.PENDING,
                        Optional.empty())).toList(), 0, now, Optional.empty(), now, m.content().length);
    }

    private static String findings(Decision d) {
        if (d.inspection().findings().isEmpty()) {
            return "";
        }
        return "; findings: " + d.inspection().findings().stream()
                .map(f -> f.detector() + "=" + String.format(Locale.ROOT, "%.2f", f.score()))
                .collect(Collectors.joining(", "));
    }

    private static AuditEntry entry(Instant now, MessageId id, String action, String detail) {
        return new AuditEntry(now, Optional.of(id), "system", "smtp", action, detail);
    }

    /** TAG: headers saying what was found, and the optional subject prefix. */
    static final class Tagging {
        private Tagging() {
        }

        static byte[] tag(byte[] content, Decision decision, Optional<String> subjectPrefix) {
            String findings = decision.inspection().findings().stream()
                    .map(f -> f.detector() + "=" + String.format(Locale.ROOT, "%.2f", f.score()))
                    .collect(Collectors.joining(", "));
            String head = "X-Tactgate-Verdict: TAG\r\nX-Tactgate-Rule: " + clean(decision.rule()) + "\r\n"
                    + (findings.isEmpty() ? "" : "X-Tactgate-Findings: " + findings + "\r\n");
            byte[] body = subjectPrefix.map(p -> prefixSubject(content, clean(p))).orElse(content);
            byte[] h = head.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[h.length + body.length];
            System.arraycopy(h, 0, out, 0, h.length);
            System.arraycopy(body, 0, out, h.length, body.length);
            return out;
        }

        /** Inserts the prefix after "Subject:" in the header section, or adds a Subject header. */
        static byte[] prefixSubject(byte[] content, String prefix) {
            String text = new String(content, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            end = end < 0 ? text.indexOf("\n\n") : end;
            end = end < 0 ? text.length() : end;
            String head = text.substring(0, end);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^subject:[ \\t]?").matcher(head);
            String latin = new String(prefix.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            String out = m.find()
                    ? text.substring(0, m.end()) + latin + text.substring(m.end())
                    : "Subject: " + latin.strip() + "\r\n" + text;
            return out.getBytes(StandardCharsets.ISO_8859_1);
        }

        private static String clean(String s) {
            return s.replaceAll("[\\r\\n]+", " ");
        }
    }
}
