package org.tactgate.inspect;

import org.tactgate.message.Finding;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.tactgate.mime.TextBlock;

/**
 * BLAME: a mail To a customer whose own text accuses or shames the reader — "you were the one
 * who…", "you knew…, didn't you?", rhetorical questions, "as I already told you", condescension.
 * Cues combine as 1 − Π(1 − w); acknowledgement and apology (empathy.txt) lower the result,
 * so a firm but caring reply that states facts ("you signed for the replacement") passes.
 */
public final class BlameDetector implements Detector {
    private static final double EMPATHY_DISCOUNT = 0.7;

    private final Lexicon.Category blame;
    private final Lexicon.Category empathy;
    private final InsultedReader insultedReader;

    public BlameDetector(Lexicon lexicon) {
        this.blame = lexicon.category("blame");
        this.empathy = lexicon.category("empathy");
        this.insultedReader = new InsultedReader(lexicon);
    }

    @Override
    public String symbol() {
        return "BLAME";
    }

    @Override
    public String description() {
        return "mail to a customer that blames or shames them: accusing second person, rhetorical tag questions, condescension, without acknowledgement";
    }

    @Override
    public List<Finding> detect(MessageView view, List<Finding> earlier) {
        if (!view.addressedToCustomer()) {
            return List.of();
        }
        double keep = 1.0;
        double care = 0;
        double strongest = 0;
        SentenceView evidence = null;
        String cue = "";
        Set<Lexicon.Rule> used = new HashSet<>();
        Optional<Finding> insulted = Optional.empty();
        for (SentenceView s : view.sentences()) {
            if (s.block().kind() != TextBlock.Kind.AUTHOR) {
                continue;
            }
            if (insulted.isEmpty()) {
                insulted = insultedReader.in(s, name());
            }
            for (Lexicon.Rule r : blame.rules()) {
                if (used.contains(r)) {
                    continue;
                }
                var found = r.find(s);
                if (found.isEmpty()) {
                    continue;
                }
                Matcher m = found.get();
                used.add(r);
                keep *= 1 - r.weight();
                if (r.weight() > strongest) {
                    strongest = r.weight();
                    evidence = s;
                    cue = m.group().strip();
                }
            }
            care += Lexicon.bestRule(empathy, s).map(h -> h.rule().weight()).orElse(0.0);
        }
        if (evidence == null) {
            return insulted.map(List::of).orElse(List.of());
        }
        double score = (1 - keep) * (1 - EMPATHY_DISCOUNT * Math.min(1.0, care));
        String reason = "blames the customer (\"" + cue + "\", " + used.size() + " cue(s)"
                + (care > 0 ? ", some acknowledgement" : ", no acknowledgement") + ")";
        if (insulted.isPresent() && insulted.get().score() > score) {
            return List.of(insulted.get());
        }
        return List.of(evidence.finding(name(), care > 0 ? "BLAME_ACCUSE_SOFTENED" : "BLAME_ACCUSE", DisparagementDetector.round(score), reason));
    }
}
