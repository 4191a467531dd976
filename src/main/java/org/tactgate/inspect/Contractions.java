package org.tactgate.inspect;

import java.util.Map;

/**
 * Negative contractions typed without their apostrophe ("didnt", "isnt", "dont"), common in chat-style
 * mail: read as the spelled-out forms so that negation ("isnt difficult") and tag questions ("didnt
 * you?") work the same in casual and careful writing. Only negative forms are restored; "im" or
 * "its" are real words or too ambiguous.
 */
final class Contractions {
    private static final Map<String, String> BASES = Map.ofEntries(
            Map.entry("didnt", "did"), Map.entry("dont", "do"), Map.entry("doesnt", "does"),
            Map.entry("isnt", "is"), Map.entry("arent", "are"), Map.entry("wasnt", "was"),
            Map.entry("werent", "were"), Map.entry("havent", "have"), Map.entry("hasnt", "has"),
            Map.entry("hadnt", "had"), Map.entry("couldnt", "could"), Map.entry("wouldnt", "would"),
            Map.entry("shouldnt", "should"), Map.entry("cant", "ca"), Map.entry("wont", "wo"));

    private Contractions() {
    }

    /** The word before "n't" when {@code word} (lower case) is a negative contraction without apostrophe. */
    static String base(String word) {
        return word.length() < 4 || !word.endsWith("nt") ? null : BASES.get(word);
    }

    /** The lower-cased sentence with apostrophes put back ("didnt you?" is "didn't you?"). */
    static String restore(String lower) {
        StringBuilder b = null;
        int copied = 0;
        // every sentence passes here: look only at words ending in "nt", without a regular expression
        for (int at = lower.indexOf("nt"); at >= 0; at = lower.indexOf("nt", at + 2)) {
            int end = at + 2;
            if (end < lower.length() && Character.isLetter(lower.charAt(end))) {
                continue;
            }
            int start = at;
            while (start > 0 && Character.isLetter(lower.charAt(start - 1))) {
                start--;
            }
            String stem = base(lower.substring(start, end));
            if (stem == null) {
                continue;
            }
            b = b == null ? new StringBuilder(lower.length() + 4) : b;
            b.append(lower, copied, start).append(stem.equals("wo") ? "won't" : stem.equals("ca") ? "can't" : stem + "n't");
            copied = end;
        }
        return b == null ? lower : b.append(lower, copied, lower.length()).toString();
    }
}
