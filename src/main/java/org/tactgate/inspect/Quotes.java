package org.tactgate.inspect;

/**
 * Whether a place in a sentence stands inside quotation marks: there the words are someone
 * else's (a customer's complaint quoted back, a headline, "stop calling him 'Mr Complain'"), not
 * the writer's own.
 */
final class Quotes {
    private Quotes() {
    }

    /** Whether {@code at} is inside quotation marks opened earlier in {@code text}. */
    static boolean inside(String text, int at) {
        // double and single marks counted apart: "… who says, 'Hi, my name is Spike, honey.'" nests one in the other
        int doubles = 0;
        int singles = 0;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '“' || c == '”' || c == '«' || c == '»' || c == '„') {
                doubles++;
            } else if ((c == '\'' || c == '‘') && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
                singles++; // an opening single quote, not an apostrophe
            }
        }
        return doubles % 2 == 1 || singles % 2 == 1;
    }
}
