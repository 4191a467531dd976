package org.tactgate.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * Sarcasm aimed at a customer: markers ("our favourite client", "truly a joy", "oh wonderful")
 * count when a customer is named or referred to by role in the same sentence or the two before;
 * their weights add up per paragraph. Also says whether a hedge precedes a sentence.
 */
final class SarcasmScorer {

    /** A paragraph's summed sarcasm, reported on its strongest sentence. */
    record Mockery(int index, double weight, String words) {
    }

    private final Lexicon.Category sarcasm;
    private final Lexicon.Category hedges;

    SarcasmScorer(Lexicon lexicon) {
        this.sarcasm = lexicon.category("sarcasm");
        this.hedges = lexicon.category("hedges");
    }

    List<Mockery> paragraphs(List<SentenceView> all) {
        List<Mockery> out = new ArrayList<>();
        double sum = 0;
        double top = 0;
        int topIndex = -1;
        String words = "";
        for (int i = 0; i < all.size(); i++) {
            if (i > 0 && !Paragraphs.sameParagraph(all.get(i - 1), all.get(i))) {
                if (topIndex >= 0) {
                    out.add(new Mockery(topIndex, sum, words));
                }
                sum = 0;
                top = 0;
                topIndex = -1;
                words = "";
            }
            SentenceView s = all.get(i);
            boolean aimed = s.hasStrongTarget()
                    || Paragraphs.anyBefore(all, i, 2, SentenceView::hasStrongTarget);
            if (!aimed) {
                continue;
            }
            double here = 0;
            String found = "";
            for (var m : s.hits().of(sarcasm)) {
                here += m.phrase().value();
                found = s.tokens().span(m.start(), m.end());
            }
            for (Lexicon.Rule r : sarcasm.rules()) {
                var m = r.find(s);
                if (m.isPresent()) {
                    here += r.weight();
                    found = m.get().group();
                }
            }
            sum += here;
            if (here > top) {
                top = here;
                topIndex = i;
                words = found;
            }
        }
        if (topIndex >= 0) {
            out.add(new Mockery(topIndex, sum, words));
        }
        return out;
    }

    /** A hedge ("between us", "I know this sounds harsh") in this sentence or earlier in its paragraph. */
    boolean hedged(List<SentenceView> all, int index) {
        if (all.get(index).hits().has(hedges)) {
            return true;
        }
        return Paragraphs.anyBefore(all, index, 5, p -> p.hits().has(hedges));
    }
}
