package org.tactgate.inspect;

import java.util.Set;

/**
 * Whether a sentence is written in German, where every noun is capitalised: there a capital says
 * nothing about a word being a name ("Der Mandant ist ein Trottel"), so the scorers that skip
 * capitalised insults as names ("Supervisor Wally Smith") must not skip them.
 *
 * <p>Two or more German function words in one sentence decide it. Not a language identifier: the
 * one question asked here is answered by a dozen words that no English sentence uses together,
 * and the identifiers on Maven Central are either unmaintained (Optimaize) or ship every
 * language's model (Lingua, hundreds of MB) for one bit.
 */
final class NounCapitals {
    private static final Set<String> GERMAN = Set.of("der", "die", "das", "den", "dem", "des", "und", "ist", "sind",
            "nicht", "ein", "eine", "einen", "einem", "einer", "mit", "für", "auf", "wir", "ich", "er", "sie", "es",
            "zu", "von", "bei", "hat", "haben", "war", "wird", "auch", "noch", "schon", "wie", "aber", "dass", "mal",
            "ihm", "ihn", "ihr", "uns", "doch", "kein", "keine", "immer", "wieder");
    /** English sentences use some of these alone ("die", "war", "bei", "es"): one is not enough. */
    private static final int ENOUGH = 2;

    private NounCapitals() {
    }

    static boolean inGerman(Tokens t) {
        int seen = 0;
        for (int i = 0; i < t.size(); i++) {
            if (GERMAN.contains(t.word(i)) && ++seen >= ENOUGH) {
                return true;
            }
        }
        return false;
    }

    /** Whether the capital of word {@code i} may mark a name rather than a noun. */
    static boolean mayBeName(Tokens t, int i) {
        return t.capitalised(i) && !inGerman(t);
    }
}
