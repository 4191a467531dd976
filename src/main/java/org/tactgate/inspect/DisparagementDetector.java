package org.tactgate.inspect;

import org.tactgate.message.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * DISPARAGEMENT: a sentence about a customer that judges them negatively, contemptuously or
 * mockingly; sarcasm aimed at a customer, summed over a paragraph; a hedge ("between us",
 * "I know this sounds unkind, but") in the same paragraph strengthens it. Negativity about
 * things, suppliers, systems or ourselves has no customer target and does not count.
 */
public final class DisparagementDetector implements Detector {
    private static final double HEDGE = 0.15;
    private static final double FLOOR = 0.3;
    private static final int MAX_FINDINGS = 3;
    /** A nickname alone, in mail its bearer reads: past the default threshold, below the sure insults. */
    private static final double NICKNAME = 0.7;
    /**
     * An epithet no one in the message bears ({@link Epithets}): in mail a customer reads, as sure as
     * a listed nickname; among colleagues only, enough for an "are you sure?" to the sender.
     */
    private static final double EPITHET_READ = 0.7;
    private static final double EPITHET_INTERNAL = 0.55;

    private final ContemptScorer contempt;
    private final SarcasmScorer sarcasm;

    public DisparagementDetector(Lexicon lexicon) {
        this.contempt = new ContemptScorer(lexicon);
        this.sarcasm = new SarcasmScorer(lexicon);
    }

    @Override
    public String symbol() {
        return "DISPARAGEMENT";
    }

    @Override
    public String description() {
        return "staff speak ill of a customer (insults, contempt, mockery, 'not our kind of guest'), in new text or in colleague-written history sent to the customer";
    }

    @Override
    public List<Finding> detect(MessageView view, List<Finding> earlier) {
        List<Finding> out = new ArrayList<>();
        List<SentenceView> all = view.sentences();
        boolean aboutCustomer = all.stream().anyMatch(s -> s.hasStrongTarget() && s.targets().stream().anyMatch(t -> t.customer().isPresent()));
        for (int i = 0; i < all.size(); i++) {
            SentenceView s = all.get(i);
            boolean near = Paragraphs.anyBefore(all, i, 2, SentenceView::hasTarget);
            var judgement = contempt.score(s, near, aboutCustomer);
            if (judgement.isPresent()) {
                double score = judgement.get().weight() + (sarcasm.hedged(all, i) ? HEDGE : 0);
                add(out, s, judgement.get().symbol(), score, judgement.get().reason() + ": \"" + judgement.get().words() + "\"");
            }
        }
        for (SarcasmScorer.Mockery m : sarcasm.paragraphs(all)) {
            double score = m.weight() + (sarcasm.hedged(all, m.index()) ? HEDGE : 0);
            add(out, all.get(m.index()), "DISP_SARCASM", score, "sarcasm aimed at a customer: \"" + m.words() + "\"");
        }
        nicknamed(view, out);
        epithet(view, out);
        view.reader().ifPresent(reader -> reader.disparaging(view).forEach((s, judged) ->
                add(out, s, "DISP_READER", judged.score(), judged.because("speak ill of a customer"))));
        out.sort(Comparator.comparingDouble(Finding::score).reversed());
        return out.size() > MAX_FINDINGS ? List.copyOf(out.subList(0, MAX_FINDINGS)) : out;
    }

    /**
     * DISP_NICKNAME: a staff nickname for a customer ({@link Nicknames}) in a mail that customer
     * reads — in new text or in the quoted history under it. Not when the words are in quotation
     * marks ("stop calling him 'Mr Complain'") and not when a word of it names someone in the
     * message's own headers (then it is most likely a contact's real name).
     */
    private void nicknamed(MessageView view, List<Finding> out) {
        if (!view.travelsToCustomer()) {
            return;
        }
        Set<org.tactgate.directory.Customer> readers = view.readingCustomers();
        for (SentenceView s : view.sentences()) {
            for (Target t : s.targets()) {
                if (t.kind() != Target.Kind.NAME || t.customer().isEmpty() || !readers.contains(t.customer().get())) {
                    continue;
                }
                String words = s.tokens().span(t.start(), t.end());
                if (Nicknames.is(t.customer().get(), words)
                        && Nicknames.ownWords(words).stream().noneMatch(view.headerNameWords()::contains)
                        && !quoted(s.sentence().text(), words)) {
                    add(out, s, "DISP_NICKNAME", NICKNAME, "a staff nickname for the customer, in mail the customer reads: \""
                            + words + "\"");
                    return;
                }
            }
        }
    }

    /**
     * DISP_EPITHET: a capitalised epithet written like a name that no one in the message bears
     * ("Mr Last Minute", "la Generala", "Papy Cadastre") — staff's nickname for someone, most
     * likely the customer the mail is to or about. Not in quotation marks ("stop calling him
     * 'Mr Complain'"); one finding per message.
     */
    private void epithet(MessageView view, List<Finding> out) {
        if (out.stream().anyMatch(f -> f.symbol().equals("DISP_NICKNAME"))) {
            return;
        }
        for (SentenceView s : view.sentences()) {
            for (Target t : s.targets()) {
                if (t.kind() != Target.Kind.EPITHET) {
                    continue;
                }
                String words = s.tokens().span(t.start(), t.end());
                if (quoted(s.sentence().text(), words)
                        || Nicknames.ownWords(words).stream().anyMatch(view.surnamesSeen()::contains)) {
                    continue; // "Mr Blinder" after "Alan Blinder": a surname after all
                }
                boolean read = view.travelsToCustomer();
                add(out, s, "DISP_EPITHET", read ? EPITHET_READ : EPITHET_INTERNAL, "a nickname written like a name that no one in the mail bears"
                        + (read ? ", in mail a customer reads" : "") + ": \"" + words + "\"");
                return;
            }
        }
    }

    /** Whether the words stand inside quotation marks in the sentence as written. */
    private static boolean quoted(String text, String words) {
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(words.split(" ")[0]);
        return at >= 0 && Quotes.inside(text, at);
    }

    private void add(List<Finding> out, SentenceView s, String symbol, double score, String reason) {
        if (score >= FLOOR) {
            out.add(s.finding(name(), symbol, Math.min(0.99, round(score)), reason));
        }
    }

    static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
