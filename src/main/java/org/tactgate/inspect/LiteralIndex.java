package org.tactgate.inspect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over the literals of every lexicon pattern ({@link RegexAnchors}):
 * one pass over a sentence says which literals it contains, so each pattern's prefilter is a few
 * bit tests instead of a {@code String.contains} per literal. Built once per {@link Lexicon};
 * immutable and thread-safe.
 */
final class LiteralIndex {
    private static final int ASCII = 128;

    /** Characters used by some literal get a class; every other character is class 0. */
    private final int[] asciiClass;
    private final Map<Character, Integer> otherClass;
    private final int classes;
    /**
     * delta[state * classes + class]: the next state, failure links already folded in; stored as
     * {@code ~state} when that state recognises some literal, so the common case is one sign test.
     */
    private final int[] delta;
    /** Literal ids recognised on entering each state (its own and its suffixes'). */
    private final int[][] output;
    private final int literals;

    private LiteralIndex(int[] asciiClass, Map<Character, Integer> otherClass, int classes, int[] delta,
                         int[][] output, int literals) {
        this.asciiClass = asciiClass;
        this.otherClass = otherClass;
        this.classes = classes;
        this.delta = delta;
        this.output = output;
        this.literals = literals;
    }

    /** Which literals occur in {@code lowerText}. */
    Literals scan(String lowerText) {
        long[] bits = new long[(literals + 63) / 64];
        int state = 0;
        // one copy, then plain array reads: String.charAt checks its index on every call, and this
        // loop runs over every character of every scored sentence
        char[] text = lowerText.toCharArray();
        for (char c : text) {
            int cls = c < ASCII ? asciiClass[c] : otherClass.getOrDefault(c, 0);
            int next = delta[state * classes + cls];
            if (next < 0) {
                next = ~next;
                for (int id : output[next]) {
                    bits[id >>> 6] |= 1L << id;
                }
            }
            state = next;
        }
        return new Literals(bits);
    }

    /** Collects literals (each gets an id) before the automaton is built. */
    static final class Builder {
        private final Map<String, Integer> ids = new LinkedHashMap<>();

        int id(String literal) {
            return ids.computeIfAbsent(literal, k -> ids.size());
        }

        LiteralIndex build() {
            int[] asciiClass = new int[ASCII];
            Map<Character, Integer> otherClass = new HashMap<>();
            int classes = 1;
            for (String s : ids.keySet()) {
                for (char c : s.toCharArray()) {
                    if (c < ASCII && asciiClass[c] == 0) {
                        asciiClass[c] = classes++;
                    } else if (c >= ASCII && !otherClass.containsKey(c)) {
                        otherClass.put(c, classes++);
                    }
                }
            }
            // the trie
            List<int[]> next = new ArrayList<>();
            List<List<Integer>> own = new ArrayList<>();
            next.add(new int[classes]);
            own.add(new ArrayList<>());
            for (Map.Entry<String, Integer> e : ids.entrySet()) {
                int state = 0;
                for (char c : e.getKey().toCharArray()) {
                    int cls = c < ASCII ? asciiClass[c] : otherClass.get(c);
                    if (next.get(state)[cls] == 0) {
                        next.get(state)[cls] = next.size();
                        next.add(new int[classes]);
                        own.add(new ArrayList<>());
                    }
                    state = next.get(state)[cls];
                }
                own.get(state).add(e.getValue());
            }
            // breadth first: failure links, folded into a full transition table
            int states = next.size();
            int[] fail = new int[states];
            int[] delta = new int[states * classes];
            int[][] output = new int[states][];
            output[0] = new int[0];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int cls = 1; cls < classes; cls++) {
                int child = next.get(0)[cls];
                delta[cls] = child;
                if (child != 0) {
                    fail[child] = 0;
                    queue.add(child);
                }
            }
            while (!queue.isEmpty()) {
                int s = queue.poll();
                List<Integer> out = new ArrayList<>(own.get(s));
                for (int id : output[fail[s]]) {
                    out.add(id);
                }
                output[s] = out.stream().mapToInt(Integer::intValue).toArray();
                for (int cls = 1; cls < classes; cls++) {
                    int child = next.get(s)[cls];
                    if (child != 0) {
                        fail[child] = delta[fail[s] * classes + cls];
                        delta[s * classes + cls] = child;
                        queue.add(child);
                    } else {
                        delta[s * classes + cls] = delta[fail[s] * classes + cls];
                    }
                }
            }
            for (int k = 0; k < delta.length; k++) {
                if (output[delta[k]].length > 0) {
                    delta[k] = ~delta[k];
                }
            }
            return new LiteralIndex(asciiClass, Map.copyOf(otherClass), classes, delta, output, Math.max(1, ids.size()));
        }
    }
}
