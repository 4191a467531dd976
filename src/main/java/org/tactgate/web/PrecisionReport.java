package org.tactgate.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tactgate.message.Finding;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.AuditLog;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageStore;
import org.tactgate.store.StoredMessage;

/**
 * The precision loop: for each detector and each policy rule, how people decided the holds it
 * caused, read from the audit trail (actions {@code confirm}, {@code send-without-customer},
 * {@code cancel}, {@code release}, {@code bounce}) joined with each message's stored decision.
 * Only a message's last human decision counts. Also lists the sentences behind the most
 * overridden holds, so an admin sees what to tune.
 */
final class PrecisionReport {
    /** Sender actions that say "the hold was wrong" and "the hold was right", then the reviewers'. */
    private static final Map<String, boolean[]> MEANING = Map.of(
            "confirm", new boolean[] {true, true}, "send-without-customer", new boolean[] {true, true},
            "cancel", new boolean[] {true, false},
            "release", new boolean[] {false, true}, "bounce", new boolean[] {false, false});
    private static final int MAX_ROWS = 10_000;

    public record Report(int days, List<Tally> detectors, List<Tally> rules, List<OverriddenSentence> sentences) {
    }

    private final MessageStore store;
    private final AuditLog audit;
    private final Clock clock;

    PrecisionReport(MessageStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    Report compute(int days) {
        Instant now = clock.instant();
        Map<MessageId, AuditEntry> last = new LinkedHashMap<>();
        for (String action : MEANING.keySet()) {
            for (AuditEntry e : audit.list(Optional.of(now.minus(Duration.ofDays(days))),
                    Optional.empty(), Optional.of(action), MAX_ROWS)) {
                e.message().ifPresent(id -> last.merge(id, e, (a, b) -> b.at().isAfter(a.at()) ? b : a));
            }
        }
        Map<String, Tally> detectors = new LinkedHashMap<>();
        Map<String, Tally> rules = new LinkedHashMap<>();
        Map<String, OverriddenSentence> sentences = new LinkedHashMap<>();
        last.forEach((id, entry) -> store.find(id).ifPresent(m -> {
            boolean[] meaning = MEANING.get(entry.action());
            count(m, meaning[0], meaning[1], detectors, rules);
            if (meaning[1]) {
                for (Finding f : m.decision().inspection().findings()) {
                    sentences.merge(f.detector() + "\n" + f.evidence(), new OverriddenSentence(f.detector(), f.evidence(), 1),
                            (a, b) -> new OverriddenSentence(a.detector(), a.evidence(), a.times() + 1));
                }
            }
        }));
        return new Report(days, sorted(detectors), sorted(rules), sentences.values().stream()
                .sorted(Comparator.comparingLong(OverriddenSentence::times).reversed()).limit(20).toList());
    }

    private static void count(StoredMessage m, boolean sender, boolean overridden, Map<String, Tally> detectors,
                              Map<String, Tally> rules) {
        m.decision().inspection().findings().stream().map(Finding::detector).distinct()
                .forEach(d -> detectors.merge(d, new Tally(d, 0, 0, 0, 0).plus(sender, overridden), PrecisionReport::add));
        String rule = m.decision().rule();
        rules.merge(rule, new Tally(rule, 0, 0, 0, 0).plus(sender, overridden), PrecisionReport::add);
    }

    private static Tally add(Tally a, Tally b) {
        return new Tally(a.name(), a.sendAnyway() + b.sendAnyway(), a.dontSend() + b.dontSend(),
                a.released() + b.released(), a.bounced() + b.bounced());
    }

    private static List<Tally> sorted(Map<String, Tally> tallies) {
        List<Tally> out = new ArrayList<>(tallies.values());
        out.sort(Comparator.comparingDouble(Tally::falseHoldRate).reversed().thenComparing(Tally::name));
        return out;
    }
}
