package org.tactgate.inspect;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern BARE = Pattern.compile(
            "\\b(did|do|does|is|are|was|were|have|has|had|could|would|should|ca|wo)nt\\b");

    private Contractions() {
    }

    /** The word before "n't" when {@code word} (lower case) is a negative contraction without apostrophe. */
    static String base(String word) {
        return word.length() < 4 || !word.endsWith("nt") ? null : BASES.get(word);
    }

    /** The lower-cased sentence with apostrophes put back ("didnt you?" is "didn't you?"). */
    static String restore(String lower) {
        if (lower.indexOf("nt") < 0) {
            return lower;
        }
        Matcher m = BARE.matcher(lower);
        if (!m.find()) {
            return lower;
        }
        StringBuilder b = new StringBuilder(lower.length() + 4);
        do {
            String stem = m.group(1);
            m.appendReplacement(b, stem.equals("wo") ? "won't" : stem.equals("ca") ? "can't" : stem + "n't");
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }
}
