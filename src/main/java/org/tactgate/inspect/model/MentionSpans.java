package org.tactgate.inspect.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where the mentions occur in a passage: every exact occurrence whose ends fall on word boundaries
 * (the code point before and the one after are not letters, digits or marks); overlaps go to the
 * earliest start, then the longest. Offsets are Java {@code char} indices into the text.
 */
final class MentionSpans {
    private MentionSpans() {
    }

    static List<int[]> of(String text, List<String> mentions) {
        List<int[]> candidates = new ArrayList<>();
        for (String m : new LinkedHashSet<>(mentions)) {
            if (m.isEmpty()) {
                continue;
            }
            for (int pos = text.indexOf(m); pos >= 0; pos = text.indexOf(m, pos + 1)) {
                int end = pos + m.length();
                if (boundaryBefore(text, pos) && boundaryAt(text, end)) {
                    candidates.add(new int[] {pos, end});
                }
            }
        }
        candidates.sort(Comparator.<int[]>comparingInt(c -> c[0]).thenComparingInt(c -> -(c[1] - c[0])));
        List<int[]> spans = new ArrayList<>();
        int lastEnd = 0;
        for (int[] c : candidates) {
            if (c[0] >= lastEnd) {
                spans.add(c);
                lastEnd = c[1];
            }
        }
        return spans;
    }

    private static boolean boundaryBefore(String text, int i) {
        return i <= 0 || !wordish(text.codePointBefore(i));
    }

    private static boolean boundaryAt(String text, int i) {
        return i >= text.length() || !wordish(text.codePointAt(i));
    }

    private static boolean wordish(int cp) {
        return Character.isLetter(cp) || Character.isDigit(cp) || switch (Character.getType(cp)) {
            case Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> false;
        };
    }
}
