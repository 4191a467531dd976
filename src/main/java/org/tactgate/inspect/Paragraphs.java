package org.tactgate.inspect;

import java.util.ArrayList;
import java.util.List;

/** Neighbourhoods of a sentence: the sentences before it in the same block and paragraph. */
final class Paragraphs {

    private Paragraphs() {
    }

    static List<SentenceView> before(List<SentenceView> all, int index, int count) {
        List<SentenceView> out = new ArrayList<>(count);
        SentenceView s = all.get(index);
        for (int k = index - 1; k >= 0 && out.size() < count; k--) {
            SentenceView p = all.get(k);
            if (p.block() != s.block() || p.sentence().paragraph() != s.sentence().paragraph()) {
                break;
            }
            out.add(p);
        }
        return out;
    }

    /** Whether one of the {@code count} sentences before it in its paragraph passes {@code test}; allocates nothing. */
    static boolean anyBefore(List<SentenceView> all, int index, int count, java.util.function.Predicate<SentenceView> test) {
        SentenceView s = all.get(index);
        for (int k = index - 1, seen = 0; k >= 0 && seen < count; k--, seen++) {
            SentenceView p = all.get(k);
            if (p.block() != s.block() || p.sentence().paragraph() != s.sentence().paragraph()) {
                return false;
            }
            if (test.test(p)) {
                return true;
            }
        }
        return false;
    }

    static boolean sameParagraph(SentenceView a, SentenceView b) {
        return a.block() == b.block() && a.sentence().paragraph() == b.sentence().paragraph();
    }
}
