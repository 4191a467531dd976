package org.tactgate.policy;

import org.tactgate.message.Decision;
import org.tactgate.message.Verdict;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tactgate.directory.Directory;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.message.Envelope;

/**
 * The policy of an ordered rules file (docs/policy.md): the site allow-list first (PASS, rule
 * {@code allow-list}), then the first rule that matches decides; a detector error no rule caught
 * gets the site's {@code on-detector-error} verdict (rule {@code detector-error}); otherwise PASS
 * (rule {@code default}). Monitor mode (site-wide or the rule's) is part of the decision's
 * {@link #terms}: the verdict is recorded, the message delivered.
 *
 * <p>Pure and thread-safe: it reads the inspection, the envelope, the To header and the
 * directory; it never acts on the message.
 *
 * <p>SECURITY: the header section comes from SMTP clients; it is only read for addresses, and an
 * unparseable address counts as not internal (so an odd To cannot make mail look internal-only).
 */
public final class RulePolicy implements Policy {
    /** Findings that mean a detector failed rather than found something. */
    static final String INSPECTION_ERROR = "inspection-error";
    /** The score a bare detector name needs when the site sets no threshold for it. */
    private static final double DEFAULT_THRESHOLD = 0.5;

    private final RulesFile.RuleSet rules;
    private final Directory directory;
    private final boolean siteMonitor;
    private final Clock clock;
    private final Map<String, Rule> byName;

    /**
     * @param thresholds the site's {@code inspect.<detector>.threshold}s, for rules that name a
     *                   detector without a score
     * @param monitor    {@code policy.monitor}; the file's {@code [policy] monitor} also turns it on
     */
    public RulePolicy(RulesFile.RuleSet rules, Directory directory, Map<String, Double> thresholds, boolean monitor,
                      Clock clock) {
        this.rules = new RulesFile.RuleSet(rules.monitor(), rules.allowSenders(), rules.onDetectorError(),
                rules.rules().stream().map(r -> r.resolved(thresholds, DEFAULT_THRESHOLD)).toList());
        this.directory = directory;
        this.siteMonitor = monitor || rules.monitor();
        this.clock = clock;
        this.byName = this.rules.rules().stream().collect(Collectors.toMap(Rule::name, Function.identity()));
    }

    @Override
    public Decision decide(Envelope envelope, Inspection inspection) {
        return decide(envelope, inspection, envelope.recipients());
    }

    @Override
    public Decision decide(Envelope envelope, Inspection inspection, byte[] content) {
        return decide(envelope, inspection, toHeader(content).orElse(envelope.recipients()));
    }

    @Override
    public Terms terms(Decision decision) {
        Rule rule = byName.get(decision.rule());
        Terms terms = rule == null ? Terms.of(decision.verdict()) : rule.terms();
        return siteMonitor ? terms.monitoring() : terms;
    }

    /** Whether the whole site is in monitor mode. */
    public boolean monitor() {
        return siteMonitor;
    }

    private Decision decide(Envelope envelope, Inspection inspection, List<String> to) {
        if (rules.allowSenders().contains(envelope.sender())) {
            return new Decision(Verdict.PASS, "allow-list", inspection);
        }
        Facts facts = facts(envelope, inspection, to);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (Rule rule : rules.rules()) {
            if (rule.matches(facts, today)) {
                return new Decision(rule.verdict(), rule.name(), inspection);
            }
        }
        if (facts.detectorError()) {
            return new Decision(rules.onDetectorError(), "detector-error", inspection);
        }
        return Decision.pass(inspection);
    }

    private Facts facts(Envelope envelope, Inspection inspection, List<String> to) {
        Set<String> toSet = new HashSet<>();
        to.forEach(a -> toSet.add(a.toLowerCase(Locale.ROOT)));
        boolean internalOnlyTo = !to.isEmpty() && to.stream().allMatch(a -> directory.classify(a).isInternal());
        boolean customerIn = false;
        boolean customerCopied = false;
        for (String rcpt : envelope.recipients()) {
            if (directory.classify(rcpt).isCustomer()) {
                customerIn = true;
                customerCopied |= internalOnlyTo && !toSet.contains(rcpt.toLowerCase(Locale.ROOT));
            }
        }
        return new Facts(inspection.findings(), envelope.sender(), envelope.recipients(), customerIn, internalOnlyTo,
                customerCopied, detectorError(inspection.findings()));
    }

    /** A failed inspection, or a detector that failed on this message (DetectionInspector says so). */
    static boolean detectorError(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.detector().equals(INSPECTION_ERROR)
                || f.symbol().equals(org.tactgate.message.Finding.DETECTION_FAILED)
                // findings written before symbols existed say it in their reason
                || f.detector().equals("unparseable") && f.reason().startsWith("detection failed"));
    }

    /** The To addresses of the header section; empty when there is no usable To header. */
    static Optional<List<String>> toHeader(byte[] content) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(content));
            String[] values = headers.getHeader("To");
            if (values == null) {
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            for (String v : values) {
                for (InternetAddress a : InternetAddress.parseHeader(v, false)) {
                    if (a.getAddress() != null && !a.isGroup()) {
                        out.add(a.getAddress());
                    }
                }
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(out));
        } catch (AddressException e) {
            // an unreadable To: keep it out of "internal only" by naming a non-address
            return Optional.of(List.of("unreadable-to-header@invalid"));
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }
}
