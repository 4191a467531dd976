package org.tactgate.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sentence as lower-cased word tokens, Penn-Treebank style for English clitics ("isn't" is
 * "is" + "n't", "they're" is "they" + "'re", "Brightwater's" is "brightwater" + "'s"), with
 * whether each token was capitalised in the text. Lexicon phrases are tokenised the same way.
 */
public final class Tokens {
    private static final String[] CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"};

    private final String[] words;
    private final boolean[] capitalised;

    private Tokens(String[] words, boolean[] capitalised) {
        this.words = words;
        this.capitalised = capitalised;
    }

    public static Tokens of(String text) {
        List<String> out = new ArrayList<>();
        List<Boolean> caps = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            if (insideAddress(text, i)) {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || joins(text, i))) {
                i++;
            }
            String word = text.substring(start, i).replace('’', '\'').replace('‘', '\'').toLowerCase(Locale.ROOT);
            boolean cap = Character.isUpperCase(c);
            String clitic = clitic(word);
            if (clitic != null && word.length() > clitic.length()) {
                out.add(word.substring(0, word.length() - clitic.length()));
                caps.add(cap);
                out.add(clitic);
                caps.add(false);
            } else {
                out.add(word);
                caps.add(cap);
            }
        }
        boolean[] capArray = new boolean[caps.size()];
        for (int k = 0; k < capArray.length; k++) {
            capArray[k] = caps.get(k);
        }
        return new Tokens(out.toArray(new String[0]), capArray);
    }

    /** E-mail addresses and URLs are not words: "dwatkiss@bracepatt.com" names nobody in the text. */
    private static boolean insideAddress(String text, int at) {
        int end = at;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && end - at < 200) {
            char c = text.charAt(end);
            if (c == '@' || c == '/' && end + 1 < text.length() && text.charAt(end + 1) == '/') {
                return true;
            }
            end++;
        }
        return text.startsWith("www.", at);
    }

    /** An apostrophe or hyphen between two letters is part of the word ("tight-fisted", "o'clock"). */
    private static boolean joins(String text, int i) {
        char c = text.charAt(i);
        if (c != '\'' && c != '’' && c != '-') {
            return false;
        }
        return i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)) && i > 0
                && Character.isLetterOrDigit(text.charAt(i - 1));
    }

    private static String clitic(String word) {
        for (String c : CLITICS) {
            if (word.endsWith(c)) {
                return c;
            }
        }
        return null;
    }

    public int size() {
        return words.length;
    }

    public String word(int i) {
        return words[i];
    }

    public boolean capitalised(int i) {
        return capitalised[i];
    }

    /** Tokens {@code from} (inclusive) to {@code to} (exclusive), joined by spaces. */
    public String span(int from, int to) {
        return String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, from), Math.min(words.length, to)));
    }
}
