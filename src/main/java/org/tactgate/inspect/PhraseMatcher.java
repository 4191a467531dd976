package org.tactgate.inspect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds token phrases in a {@link Tokens} sentence: index by first word, then compare the rest.
 * A phrase word ending in {@code *} matches any word with that prefix; a capitalised phrase word
 * in a case-sensitive phrase must be capitalised in the text. Immutable and thread-safe.
 *
 * @param <T> what a phrase stands for (a weight, a customer, …)
 */
public final class PhraseMatcher<T> {

    /** A phrase to find and the value it carries. */
    public record Phrase<T>(String text, T value, boolean caseSensitive) {
    }

    /** Where a phrase was found: tokens {@code start} (inclusive) to {@code end} (exclusive). */
    public record Match<T>(Phrase<T> phrase, int start, int end) {
    }

    private record Compiled<T>(Phrase<T> phrase, String[] words, boolean[] capital) {
    }

    private final Map<String, List<Compiled<T>>> byFirst = new HashMap<>();
    private final List<Compiled<T>> wildFirst = new ArrayList<>();
    private final boolean empty;

    public PhraseMatcher(List<Phrase<T>> phrases) {
        for (Phrase<T> p : phrases) {
            Tokens t = Tokens.of(p.text().replace("*", "WILDCARDMARK"));
            if (t.size() == 0) {
                continue;
            }
            String[] words = new String[t.size()];
            boolean[] capital = new boolean[t.size()];
            for (int i = 0; i < t.size(); i++) {
                words[i] = t.word(i).replace("wildcardmark", "*");
                capital[i] = p.caseSensitive() && t.capitalised(i);
            }
            Compiled<T> c = new Compiled<>(p, words, capital);
            if (words[0].endsWith("*")) {
                wildFirst.add(c);
            } else {
                byFirst.computeIfAbsent(words[0], k -> new ArrayList<>()).add(c);
            }
        }
        empty = byFirst.isEmpty() && wildFirst.isEmpty();
    }

    public List<Match<T>> find(Tokens tokens) {
        if (empty) {
            return List.of();
        }
        List<Match<T>> out = new ArrayList<>(2);
        for (int i = 0; i < tokens.size(); i++) {
            List<Compiled<T>> candidates = byFirst.get(tokens.word(i));
            if (candidates != null) {
                for (Compiled<T> c : candidates) {
                    if (matches(c, tokens, i)) {
                        out.add(new Match<>(c.phrase, i, i + c.words.length));
                    }
                }
            }
            for (Compiled<T> c : wildFirst) {
                if (matches(c, tokens, i)) {
                    out.add(new Match<>(c.phrase, i, i + c.words.length));
                }
            }
        }
        return out;
    }

    private static boolean matches(Compiled<?> c, Tokens t, int at) {
        if (at + c.words.length > t.size()) {
            return false;
        }
        for (int k = 0; k < c.words.length; k++) {
            String w = c.words[k];
            String actual = t.word(at + k);
            boolean ok = w.endsWith("*") ? actual.startsWith(w.substring(0, w.length() - 1)) : actual.equals(w);
            if (!ok || c.capital[k] && !t.capitalised(at + k)) {
                return false;
            }
        }
        return true;
    }
}
