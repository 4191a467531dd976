package org.tactgate.inspect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The regular English inflections of a lexicon phrase, so that an entry written once matches its
 * plurals and tenses: "cheapskate" also finds "cheapskates", "whinge" finds "whinged" and
 * "whingeing", "treat us like dirt" finds "treated us like dirt". One word of the phrase is inflected
 * at a time; short words (under four letters: "a", "not", "you") and words with a wildcard or
 * a non-letter are left as written. Irregular forms ("children") are written in the lexicon.
 */
final class WordForms {
    private static final int SHORTEST = 4;

    private WordForms() {
    }

    /** The phrase's other forms (never the phrase itself). */
    static Set<String> variants(String phrase) {
        String[] words = phrase.split(" ");
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < words.length; i++) {
            for (String form : forms(words[i])) {
                String[] copy = words.clone();
                copy[i] = form;
                out.add(String.join(" ", copy));
            }
        }
        out.remove(phrase);
        return out;
    }

    static List<String> forms(String w) {
        if (w.length() < SHORTEST || !w.chars().allMatch(Character::isLetter)) {
            return List.of();
        }
        char last = w.charAt(w.length() - 1);
        String stem = w.substring(0, w.length() - 1);
        if (w.endsWith("s") || w.endsWith("ed") || w.endsWith("ing")) {
            return List.of(); // already inflected, or a word like "clueless" that does not take more
        }
        if (last == 'y' && !isVowel(w.charAt(w.length() - 2))) {
            return List.of(stem + "ies", stem + "ied", w + "ing");
        }
        if (last == 'e') {
            return List.of(w + "s", w + "d", stem + "ing", w + "ing");
        }
        if (w.endsWith("sh") || w.endsWith("ch") || last == 'x' || last == 'z') {
            return List.of(w + "es", w + "ed", w + "ing");
        }
        return List.of(w + "s", w + "ed", w + "ing");
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
