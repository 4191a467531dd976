package org.tactgate.inspect;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.tactgate.message.Finding;

/**
 * BLAME_INSULT: the reader is called names — "you are too stupid to…", "you idiot", "you come
 * across as a nasty piece of work". An insult, or a strongly judging adjective, a few words after
 * "you", not negated ("you are not at all difficult") and not capitalised (a name or a title).
 * "your idiot of a courier" still counts: it is said to the reader's face.
 */
final class InsultedReader {
    /** Words within which an insult still lands on "you": "you are such a total idiot". */
    private static final int INSULT_REACH = 6;
    /**
     * After "your" the insult must be the thing owned ("your idiot of a courier"): further on, it
     * belongs to another noun ("your nutritionist to review the dry cow ration").
     */
    private static final int POSSESSIVE_REACH = 3;
    /** A judging adjective must sit closer: "you are rude", not "you said the courier was rude". */
    private static final int ADJECTIVE_REACH = 3;
    private static final double STRONG_ADJECTIVE = 0.7;
    private static final double INSULT = 0.9;
    private static final Set<String> YOU = Set.of("you", "you're", "ya", "u", "youre", "your", "yourself",
            // German, Spanish, French: formal and familiar second person ("Sie sind ein Trottel")
            "sie", "du", "usted", "ustedes", "tú", "vous", "tu",
            // Dutch and Portuguese ("jij bent een oplichter", "você é um otário")
            "jij", "jullie", "você", "vocês",
            // Italian: the formal "Lei" and plural "voi" ("Lei è un maleducato"); "lei" is also "she",
            // but an insult of a third person in mail to a customer is as much worth a second look
            "lei", "voi");
    /**
     * Words that sit between "you" and the judgement without changing who is judged: the copula,
     * adverbs of candour, the superlative ("you are honestly the most disorganised client").
     * When every word between is one of these, the adjective is close however far it sits.
     */
    private static final Set<String> FILLERS = Set.of("are", "'re", "were", "been", "being",
            "honestly", "frankly", "really", "truly", "genuinely", "seriously", "literally", "simply", "just",
            "officially", "easily", "probably", "by", "far", "the", "a", "an", "most", "such", "so",
            "very", "quite", "rather", "extremely", "incredibly", "utterly", "totally", "absolutely");

    private final Lexicon.Category insults;
    private final Lexicon.Category personAdjectives;
    private final Set<String> negators;
    private final Lexicon.Category negatorPhrases;

    InsultedReader(Lexicon lexicon) {
        this.insults = lexicon.category("insults");
        this.personAdjectives = lexicon.category("person-adjectives");
        this.negators = new HashSet<>(lexicon.category("negators").words());
        this.negatorPhrases = lexicon.category("negators");
    }

    Optional<Finding> in(SentenceView s, String detector) {
        if (s.hits().of(insults).isEmpty() && s.hits().of(personAdjectives).isEmpty()) {
            return Optional.empty();
        }
        Tokens t = s.tokens();
        for (int i = 0; i < t.size(); i++) {
            if (!YOU.contains(t.word(i))) {
                continue;
            }
            for (var m : s.hits().of(insults)) {
                int reach = t.word(i).equals("your") ? POSSESSIVE_REACH : INSULT_REACH;
                if (m.start() > i && m.start() - i <= reach && !negatedBetween(t, i, m.start())
                        && !NounCapitals.mayBeName(t, m.start())) {
                    return Optional.of(s.finding(detector, "BLAME_INSULT", INSULT,
                            "insults the customer it is addressed to: \"" + t.span(i, m.end()) + "\""));
                }
            }
            for (var m : s.hits().of(personAdjectives)) {
                boolean close = m.start() > i && (m.start() - i <= ADJECTIVE_REACH || onlyFillers(t, i, m.start()));
                if (close && !t.word(i).equals("your") && !negatedBetween(t, i, m.start())
                        && !willingTo(t, m) && m.phrase().value() >= STRONG_ADJECTIVE) {
                    return Optional.of(s.finding(detector, "BLAME_INSULT", INSULT * m.phrase().value(),
                            "judges the customer it is addressed to: \"" + t.span(i, m.end()) + "\""));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether every word after {@code from} and before {@code to} is one of {@link #FILLERS}. */
    private static boolean onlyFillers(Tokens t, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (!FILLERS.contains(t.word(k))) {
                return false;
            }
        }
        return true;
    }

    /** "you are quick to reply" is not a judgement; "you are too lazy to read" is. */
    private static boolean willingTo(Tokens t, PhraseMatcher.Match<Double> m) {
        boolean toFollows = m.end() < t.size() && t.word(m.end()).equals("to");
        boolean tooBefore = m.start() > 0 && t.word(m.start() - 1).equals("too");
        return toFollows && !tooBefore;
    }

    private boolean negatedBetween(Tokens t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (negators.contains(t.word(k))) {
                return true;
            }
        }
        // "you are anything but a fool", "Sie sind alles andere als ein Querulant"
        for (var m : negatorPhrases.phrases().find(t)) {
            if (m.end() - m.start() > 1 && m.start() >= from && m.end() <= to) {
                return true;
            }
        }
        return false;
    }
}
