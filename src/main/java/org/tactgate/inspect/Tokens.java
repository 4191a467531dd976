package org.tactgate.inspect;

import java.util.Arrays;
import java.util.Locale;

/**
 * A sentence as lower-cased word tokens, Penn-Treebank style for English clitics ("isn't" is
 * "is" + "n't", "they're" is "they" + "'re", "Brightwater's" is "brightwater" + "'s"), with
 * whether each token was capitalised in the text. Lexicon phrases are tokenised the same way.
 * E-mail addresses and URLs are not words: "dwatkiss@bracepatt.com" names nobody in the text.
 */
public final class Tokens {
    private static final String[] CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"};
    /** How far after a word start an '@' or "//" makes the rest of the chunk an address. */
    private static final int ADDRESS_REACH = 200;

    private final String[] words;
    private final boolean[] capitalised;

    private Tokens(String[] words, boolean[] capitalised) {
        this.words = words;
        this.capitalised = capitalised;
    }

    public static Tokens of(String text) {
        int n = text.length();
        char[] t = text.toCharArray(); // array reads: this loop runs over every character of the mail
        int capacity = Math.max(8, n / 4);
        String[] out = new String[capacity];
        boolean[] caps = new boolean[capacity];
        int count = 0;
        char[] buffer = new char[32];
        // the first '@' or "//" at or after the word start in the current whitespace-delimited
        // chunk: found once per chunk instead of rescanning the chunk from every word start
        int chunkEnd = -1;
        int mark = -1;
        int i = 0;
        while (i < n) {
            char c = t[i];
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            if (i >= chunkEnd || mark >= 0 && mark < i) {
                chunkEnd = i;
                mark = -1;
                while (chunkEnd < n && !Character.isWhitespace(t[chunkEnd])) {
                    char d = t[chunkEnd];
                    if (mark < 0 && (d == '@' || d == '/' && chunkEnd + 1 < n && t[chunkEnd + 1] == '/')) {
                        mark = chunkEnd;
                    }
                    chunkEnd++;
                }
            }
            if (mark >= 0 && mark - i < ADDRESS_REACH || startsWww(t, i)) {
                while (i < n && !Character.isWhitespace(t[i])) {
                    i++;
                }
                continue;
            }
            int start = i;
            boolean ascii = true;
            boolean apostrophe = false;
            while (i < n) {
                char d = t[i];
                if (Character.isLetterOrDigit(d)) {
                    ascii &= d < 0x80;
                } else if (joins(t, i)) {
                    apostrophe |= d != '-';
                    ascii &= d < 0x80;
                } else {
                    break;
                }
                i++;
            }
            // ASCII words are lower-cased in place; anything else goes through the full Unicode rules
            String word = ascii ? lowerAscii(t, start, i, buffer)
                    : text.substring(start, i).replace('’', '\'').replace('‘', '\'').toLowerCase(Locale.ROOT);
            if (count + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
                caps = Arrays.copyOf(caps, caps.length * 2);
            }
            boolean cap = Character.isUpperCase(c);
            String clitic = apostrophe ? clitic(word) : null;
            String bare = apostrophe ? null : Contractions.base(word);
            if (bare != null) {
                out[count] = bare;
                caps[count++] = cap;
                out[count] = "n't";
                caps[count++] = false;
            } else if (clitic != null && word.length() > clitic.length()) {
                out[count] = word.substring(0, word.length() - clitic.length());
                caps[count++] = cap;
                out[count] = clitic;
                caps[count++] = false;
            } else {
                out[count] = word;
                caps[count++] = cap;
            }
        }
        return new Tokens(Arrays.copyOf(out, count), Arrays.copyOf(caps, count));
    }

    private static String lowerAscii(char[] t, int from, int to, char[] buffer) {
        int len = to - from;
        char[] b = len <= buffer.length ? buffer : new char[len];
        for (int k = 0; k < len; k++) {
            char c = t[from + k];
            b[k] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(b, 0, len);
    }

    private static boolean startsWww(char[] t, int i) {
        return i + 4 <= t.length && t[i] == 'w' && t[i + 1] == 'w' && t[i + 2] == 'w' && t[i + 3] == '.';
    }

    /** An apostrophe or hyphen between two letters is part of the word ("tight-fisted", "o'clock"). */
    private static boolean joins(char[] t, int i) {
        char c = t[i];
        if (c != '\'' && c != '’' && c != '-') {
            return false;
        }
        return i + 1 < t.length && Character.isLetter(t[i + 1]) && i > 0
                && Character.isLetterOrDigit(t[i - 1]);
    }

    private static String clitic(String word) {
        for (String c : CLITICS) {
            if (word.endsWith(c)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The same words, all counted as capitalised: for text written all in lower case ("honestly
     * gunther is a clown"), where capitals say nothing about which words are names.
     */
    public Tokens asCapitalised() {
        boolean[] all = new boolean[words.length];
        Arrays.fill(all, true);
        return new Tokens(words, all);
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
        return String.join(" ", Arrays.copyOfRange(words, Math.max(0, from), Math.min(words.length, to)));
    }
}
