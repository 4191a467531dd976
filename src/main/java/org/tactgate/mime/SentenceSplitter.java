package org.tactgate.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits plain text into sentences with offsets. Rule-based and allocation-light: paragraphs
 * are blank-line separated, hard-wrapped lines inside a paragraph are joined, list items and
 * short greeting lines stand alone, and {@code . ! ?} end a sentence unless they end a common
 * abbreviation ("Mr.", "e.g.").
 */
final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "e.g", "i.e", "etc", "vs", "no", "approx", "inc", "ltd", "co", "jr", "sr", "prof");
    /** Longer sentences are cut: no real sentence is this long, and it bounds detector work. */
    private static final int MAX_SENTENCE = 600;

    private SentenceSplitter() {
    }

    static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int paragraph = 0;
        int start = -1;
        int lineStart = 0;
        int n = text.length();
        char[] chars = text.toCharArray(); // array reads: the per-character loop is the hot path
        boolean blankRun = false;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? chars[i] : '\n';
            if (c == '\n') {
                int from = lineStart;
                int to = i;
                while (from < to && Character.isWhitespace(chars[from])) {
                    from++;
                }
                while (to > from && Character.isWhitespace(chars[to - 1])) {
                    to--;
                }
                if (from == to) {
                    if (start >= 0) {
                        add(out, text, start, i, paragraph);
                        start = -1;
                    }
                    if (!blankRun && !out.isEmpty()) {
                        paragraph++;
                    }
                    blankRun = true;
                } else {
                    blankRun = false;
                    char last = chars[to - 1];
                    boolean standsAlone = to - from < 40 && (last == ',' || last == ':');
                    if (standsAlone && start >= 0 && start >= lineStart) {
                        add(out, text, start, i, paragraph);
                        start = -1;
                    }
                }
                lineStart = i + 1;
                if (i + 1 < n && start >= 0 && startsListItem(text, i + 1)) {
                    add(out, text, start, i, paragraph);
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                if (Character.isWhitespace(c)) {
                    continue;
                }
                start = i;
            }
            if ((c == '.' || c == '!' || c == '?') && endsSentence(text, start, i)) {
                int end = i + 1;
                while (end < n && "\"'”’)]".indexOf(chars[end]) >= 0) {
                    end++;
                }
                add(out, text, start, end, paragraph);
                start = -1;
                i = end - 1;
            } else if (i - start >= MAX_SENTENCE && Character.isWhitespace(c)) {
                add(out, text, start, i, paragraph);
                start = -1;
            }
        }
        if (start >= 0) {
            add(out, text, start, n, paragraph); // a last line without a full stop ("total freeloaders")
        }
        return out;
    }

    private static boolean endsSentence(String text, int start, int i) {
        int n = text.length();
        int next = i + 1;
        while (next < n && "\"'”’)]".indexOf(text.charAt(next)) >= 0) {
            next++;
        }
        if (next < n && !Character.isWhitespace(text.charAt(next))) {
            return false; // "3.5", "a.b", "?!" runs
        }
        if (text.charAt(i) != '.') {
            return true;
        }
        int w = i;
        while (w > start && !Character.isWhitespace(text.charAt(w - 1))) {
            w--;
        }
        String word = text.substring(w, i).toLowerCase(java.util.Locale.ROOT);
        return !ABBREVIATIONS.contains(word) && !(word.length() == 1 && Character.isLetter(word.charAt(0)));
    }

    private static boolean startsListItem(String text, int at) {
        int i = at;
        int n = text.length();
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= n) {
            return false;
        }
        char c = text.charAt(i);
        if ((c == '-' || c == '*' || c == '•') && i + 1 < n && text.charAt(i + 1) == ' ') {
            return true;
        }
        int d = i;
        while (d < n && Character.isDigit(text.charAt(d))) {
            d++;
        }
        return d > i && d < n && (text.charAt(d) == '.' || text.charAt(d) == ')') && d - i <= 2;
    }

    private static void add(List<Sentence> out, String text, int start, int end, int paragraph) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > start) {
            out.add(new Sentence(joinLines(text, start, e), start, e, paragraph));
        }
    }

    /** The sentence with its line breaks (and the indentation around them) folded to one space. */
    private static String joinLines(String text, int start, int end) {
        int firstBreak = start;
        while (firstBreak < end && text.charAt(firstBreak) != '\n' && text.charAt(firstBreak) != '\r') {
            firstBreak++;
        }
        if (firstBreak == end) {
            return text.substring(start, end); // one line: nothing to fold
        }
        char[] b = new char[end - start];
        int len = 0;
        boolean inBreak = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                while (len > 0 && b[len - 1] == ' ') {
                    len--;
                }
                b[len++] = ' ';
                inBreak = true;
            } else if (inBreak && (c == ' ' || c == '\t')) {
                continue;
            } else {
                inBreak = false;
                b[len++] = c;
            }
        }
        return new String(b, 0, len);
    }
}
