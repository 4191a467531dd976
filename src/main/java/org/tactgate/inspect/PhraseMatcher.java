package org.tactgate.inspect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds token phrases in a {@link Tokens} sentence. Phrases of plain words live in a word trie,
 * so each sentence position costs one hash lookup per word actually shared with some phrase,
 * however many phrases start with "the" or "not". A phrase word ending in {@code *} matches any
 * word with that prefix (such phrases are few and checked one by one); a capitalised phrase word
 * in a case-sensitive phrase must be capitalised in the text. Immutable and thread-safe.
 *
 * <p>Matches come in text order and, at one position, in the order the phrases were given
 * (phrases starting with a wildcard word last).
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

    /** A phrase ready to compare; {@code order} is its rank among the matches at one position. */
    private record Compiled<T>(Phrase<T> phrase, String[] words, boolean[] capital, int order) {
    }

    /** A trie node: the phrases that end here and the words that continue some phrase. */
    private static final class Node<T> {
        Map<String, Node<T>> next;
        List<Compiled<T>> ending;
    }

    private final Node<T> root = new Node<>();
    private final Map<String, List<Compiled<T>>> wildByFirst = new HashMap<>();
    private final List<Compiled<T>> wildFirst = new ArrayList<>();
    private final boolean empty;
    private final List<Phrase<T>> phrases;

    public PhraseMatcher(List<Phrase<T>> phrases) {
        this.phrases = List.copyOf(phrases);
        root.next = new HashMap<>();
        int exactFirst = 0;
        List<Compiled<T>> all = new ArrayList<>();
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
            all.add(new Compiled<>(p, words, capital, words[0].endsWith("*") ? -1 : exactFirst++));
        }
        int wildRank = exactFirst;
        for (Compiled<T> c : all) {
            if (c.order < 0) {
                wildFirst.add(new Compiled<>(c.phrase, c.words, c.capital, wildRank++));
            } else if (hasWildcard(c.words)) {
                wildByFirst.computeIfAbsent(c.words[0], k -> new ArrayList<>()).add(c);
            } else {
                Node<T> node = root;
                for (String w : c.words) {
                    if (node.next == null) {
                        node.next = new HashMap<>();
                    }
                    node = node.next.computeIfAbsent(w, k -> new Node<>());
                }
                if (node.ending == null) {
                    node.ending = new ArrayList<>(1);
                }
                node.ending.add(c);
            }
        }
        empty = all.isEmpty();
    }

    /** The phrases this matcher finds, in the order given. */
    public List<Phrase<T>> phrases() {
        return phrases;
    }

    public List<Match<T>> find(Tokens tokens) {
        if (empty) {
            return List.of();
        }
        List<Compiled<T>> here = null; // the phrases ending at this position; most positions have none
        List<Match<T>> out = null; // most sentences match nothing: allocate on the first match
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Node<T> node = root;
            for (int k = i; k < n && node.next != null; k++) {
                node = node.next.get(tokens.word(k));
                if (node == null) {
                    break;
                }
                if (node.ending != null) {
                    for (Compiled<T> c : node.ending) {
                        if (capitalsMatch(c, tokens, i)) {
                            here = add(here, c);
                        }
                    }
                }
            }
            if (!wildByFirst.isEmpty()) {
                List<Compiled<T>> candidates = wildByFirst.get(tokens.word(i));
                if (candidates != null) {
                    for (Compiled<T> c : candidates) {
                        if (matches(c, tokens, i)) {
                            here = add(here, c);
                        }
                    }
                }
            }
            for (int w = 0; w < wildFirst.size(); w++) {
                if (matches(wildFirst.get(w), tokens, i)) {
                    here = add(here, wildFirst.get(w));
                }
            }
            if (here != null && !here.isEmpty()) {
                if (here.size() > 1) {
                    here.sort((a, b) -> Integer.compare(a.order, b.order));
                }
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                for (Compiled<T> c : here) {
                    out.add(new Match<>(c.phrase, i, i + c.words.length));
                }
                here.clear();
            }
        }
        return out == null ? List.of() : out;
    }

    private static <T> List<Compiled<T>> add(List<Compiled<T>> list, Compiled<T> c) {
        List<Compiled<T>> out = list == null ? new ArrayList<>(2) : list;
        out.add(c);
        return out;
    }

    private static boolean hasWildcard(String[] words) {
        for (String w : words) {
            if (w.endsWith("*")) {
                return true;
            }
        }
        return false;
    }

    private static boolean capitalsMatch(Compiled<?> c, Tokens t, int at) {
        for (int k = 0; k < c.words.length; k++) {
            if (c.capital[k] && !t.capitalised(at + k)) {
                return false;
            }
        }
        return true;
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
