package org.tactgate.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * Every lexicon phrase found in one sentence, by category, from a single pass of
 * {@link Lexicon#scan(Tokens)}: detectors read their categories here instead of matching the
 * sentence again. Within a category, matches are in the order {@link PhraseMatcher#find} gives.
 * Immutable once built.
 */
public final class PhraseHits {
    private final List<PhraseMatcher.Match<Double>>[] byCategory;

    private PhraseHits(List<PhraseMatcher.Match<Double>>[] byCategory) {
        this.byCategory = byCategory;
    }

    @SuppressWarnings("unchecked")
    static PhraseHits of(List<PhraseMatcher.Match<Lexicon.Tagged>> matches, int categories) {
        List<PhraseMatcher.Match<Double>>[] by = new List[categories];
        for (PhraseMatcher.Match<Lexicon.Tagged> m : matches) {
            Lexicon.Tagged t = m.phrase().value();
            if (by[t.category()] == null) {
                by[t.category()] = new ArrayList<>(2);
            }
            by[t.category()].add(new PhraseMatcher.Match<>(t.phrase(), m.start(), m.end()));
        }
        return new PhraseHits(by);
    }

    /** The category's phrases found in the sentence, in text order. */
    public List<PhraseMatcher.Match<Double>> of(Lexicon.Category category) {
        List<PhraseMatcher.Match<Double>> l = byCategory[category.id()];
        return l == null ? List.of() : l;
    }

    public boolean has(Lexicon.Category category) {
        return byCategory[category.id()] != null;
    }
}
