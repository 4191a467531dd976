package org.tactgate.inspect;

import org.tactgate.message.Finding;
import java.util.List;
import java.util.Optional;
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
        // by position, not in a HashSet: a rule is a record, and hashing its pattern lists for every
        // sentence of a 200 KB thread was the largest single cost of inspecting real mail
        List<Lexicon.Rule> rules = blame.rules();
        boolean[] used = new boolean[rules.size()];
        int cues = 0;
        Optional<Finding> insulted = Optional.empty();
        for (SentenceView s : view.sentences()) {
            if (s.block().kind() != TextBlock.Kind.AUTHOR) {
                continue;
            }
            if (insulted.isEmpty()) {
                insulted = insultedReader.in(s, name());
            }
            for (int k = 0; k < rules.size(); k++) {
                Lexicon.Rule r = rules.get(k);
                if (used[k]) {
                    continue;
                }
                var found = r.find(s);
                if (found.isEmpty()) {
                    continue;
                }
                Matcher m = found.get();
                if (Quotes.inside(s.lower(), m.start())) {
                    continue; // a headline or someone's words quoted: "'Hi, My Name Isn't Justice, Honey'"
                }
                used[k] = true;
                cues++;
                keep *= 1 - r.weight();
                if (r.weight() > strongest) {
                    strongest = r.weight();
                    evidence = s;
                    cue = m.group().strip();
                }
            }
            care = Math.max(care, Lexicon.bestRule(empathy, s).map(h -> h.rule().weight()).orElse(0.0));
        }
        Optional<Finding> read = readerSays(view);
        if (read.isPresent() && (insulted.isEmpty() || read.get().score() > insulted.get().score())) {
            insulted = read;
        }
        if (evidence == null) {
            return insulted.map(List::of).orElse(List.of());
        }
        double score = (1 - keep) * (1 - EMPATHY_DISCOUNT * Math.min(1.0, care));
        String reason = "blames the customer (\"" + cue + "\", " + cues + " cue(s)"
                + (care > 0 ? ", some acknowledgement" : ", no acknowledgement") + ")";
        if (insulted.isPresent() && insulted.get().score() > score) {
            return List.of(insulted.get());
        }
        return List.of(evidence.finding(name(), care > 0 ? "BLAME_ACCUSE_SOFTENED" : "BLAME_ACCUSE", DisparagementDetector.round(score), reason));
    }

    /**
     * BLAME_READER: the learned reader's strongest verdict on the author's words to the customer
     * (only asked of mail To a customer: {@link #detect} returns before this otherwise).
     */
    private Optional<Finding> readerSays(MessageView view) {
        if (view.reader().isEmpty()) {
            return Optional.empty();
        }
        Optional<Finding> best = Optional.empty();
        for (var e : view.reader().get().abusive(view).entrySet()) {
            if (e.getKey().block().kind() == TextBlock.Kind.AUTHOR && (best.isEmpty() || e.getValue().score() > best.get().score())) {
                best = Optional.of(e.getKey().finding(name(), "BLAME_READER", e.getValue().score(),
                        e.getValue().because("shame, blame or insult the customer it is addressed to")));
            }
        }
        return best;
    }
}
