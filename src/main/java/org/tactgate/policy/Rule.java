package org.tactgate.policy;

import org.tactgate.message.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tactgate.message.Finding;

/**
 * One rule of the policy file: what it matches (every condition given must hold; a list matches
 * when any of its entries does), the verdict it gives, and the terms that come with it.
 * Immutable and thread-safe.
 *
 * @param findings   any of these findings (detector at or above a score); empty = no finding needed
 * @param senders    the rule applies only to these senders; empty = everyone
 * @param exempt     senders this rule never applies to
 * @param failOpen   when a detector errored: true = the rule does not match, false = it matches as if its findings fired
 * @param learnedOnly true: only when every finding this rule matched came from the learned reader
 *                   ({@link #LEARNED}); false: only when at least one came from the rules; empty: either
 */
record Rule(String name, List<FindingMatch> findings, Optional<Boolean> learnedOnly, Optional<Boolean> customerInRecipients,
            Optional<Boolean> internalOnlyTo, Optional<Boolean> customerCopied, AddressSet senders, AddressSet exempt,
            List<String> recipientDomains, Optional<LocalDate> from, Optional<LocalDate> until, boolean failOpen,
            Verdict verdict, Terms terms) {

    /**
     * The symbols of the learned reader's findings (ADR 0008, detection/symbols.tsv): a site may
     * treat what only a model saw differently from what a rule can show ("are you sure?" rather
     * than a quarantine).
     */
    static final java.util.Set<String> LEARNED = java.util.Set.of("DISP_READER", "BLAME_READER");

    /** {@code detector >= score}; a NaN score stands for the site's threshold until {@link #resolved}. */
    record FindingMatch(String detector, double minScore) {
        boolean matches(Finding f) {
            return f.detector().equals(detector) && f.score() >= minScore;
        }
    }

    /** This rule with every bare detector name given the site's threshold ({@code inspect.<detector>.threshold}). */
    Rule resolved(java.util.Map<String, Double> thresholds, double fallback) {
        List<FindingMatch> sharp = findings.stream().map(m -> Double.isNaN(m.minScore())
                ? new FindingMatch(m.detector(), thresholds.getOrDefault(m.detector(), fallback)) : m).toList();
        return new Rule(name, sharp, learnedOnly, customerInRecipients, internalOnlyTo, customerCopied, senders, exempt,
                recipientDomains, from, until, failOpen, verdict, terms);
    }

    boolean matches(Facts facts, LocalDate today) {
        if (from.isPresent() && today.isBefore(from.get()) || until.isPresent() && today.isAfter(until.get())) {
            return false;
        }
        if (!senders.isEmpty() && !senders.contains(facts.sender()) || exempt.contains(facts.sender())) {
            return false;
        }
        if (!fact(customerInRecipients, facts.customerInRecipients()) || !fact(internalOnlyTo, facts.internalOnlyTo())
                || !fact(customerCopied, facts.customerCopied())) {
            return false;
        }
        if (!recipientDomains.isEmpty() && facts.recipients().stream().noneMatch(this::inRecipientDomains)) {
            return false;
        }
        if (findings.isEmpty()) {
            return true;
        }
        List<Finding> matched = facts.findings().stream().filter(f -> findings.stream().anyMatch(m -> m.matches(f))).toList();
        if (matched.isEmpty()) {
            return facts.detectorError() && !failOpen && learnedOnly.isEmpty();
        }
        boolean learned = matched.stream().allMatch(f -> LEARNED.contains(f.symbol()));
        return learnedOnly.map(w -> w == learned).orElse(true);
    }

    private boolean inRecipientDomains(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
        return recipientDomains.stream().anyMatch(d -> AddressSet.inDomain(domain, d));
    }

    private static boolean fact(Optional<Boolean> wanted, boolean actual) {
        return wanted.map(w -> w == actual).orElse(true);
    }
}
