package org.tactgate.inspect;

import java.util.HashSet;
import java.util.List;
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

    private final Lexicon lexicon;

    public BlameDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
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
        double empathy = 0;
        double strongest = 0;
        SentenceView evidence = null;
        String cue = "";
        Set<Lexicon.Rule> used = new HashSet<>();
        for (SentenceView s : view.sentences()) {
            if (s.block().kind() != TextBlock.Kind.AUTHOR) {
                continue;
            }
            for (Lexicon.Rule r : lexicon.category("blame").rules()) {
                Matcher m = r.pattern().matcher(s.lower());
                if (used.contains(r) || !m.find()) {
                    continue;
                }
                used.add(r);
                keep *= 1 - r.weight();
                if (r.weight() > strongest) {
                    strongest = r.weight();
                    evidence = s;
                    cue = m.group().strip();
                }
            }
            empathy += Lexicon.bestRule(lexicon.category("empathy"), s.lower()).map(h -> h.rule().weight()).orElse(0.0);
        }
        if (evidence == null) {
            return List.of();
        }
        double score = (1 - keep) * (1 - EMPATHY_DISCOUNT * Math.min(1.0, empathy));
        String reason = "blames the customer (\"" + cue + "\", " + used.size() + " cue(s)"
                + (empathy > 0 ? ", some acknowledgement" : ", no acknowledgement") + ")";
        return List.of(new Finding(name(), DisparagementDetector.round(score), evidence.part(), evidence.sentence().text(), reason));
    }
}
