package org.tactgate.inspect;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tactgate.mime.TextBlock;

/**
 * Scores one sentence for a negative judgement of a customer: insults, negative adjectives
 * predicated of a customer, contemptuous idioms near a customer reference, and "not the kind of
 * people we want" constructions. Negated words ("not difficult at all") and words inside
 * quotation marks or after a reporting verb (someone else's words) do not count.
 */
final class ContemptScorer {
    private static final int ADJECTIVE_REACH = 6;
    private static final double UNTARGETED = 0.8;
    private static final double UNAMBIGUOUS = 0.85;
    /** Added to a negative adjective right after an intensifier ("really rude", "so demanding"). */
    private static final double INTENSITY = 0.15;
    private static final Set<String> COPULAS = Set.of("is", "are", "was", "were", "'s", "'re", "been", "be", "seems", "seem", "looks");
    private static final Set<String> CLAUSE_STARTS = Set.of("though", "although", "but", "while", "whereas", "and",
            "because", "since", "yet", "however", "whilst");
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "this", "that", "these", "those", "it",
            "which", "who", "frankly", "honestly", "really", "just", "still", "also",
            // "Het is een krentenkakker", "Das ist ein Trottel": the demonstrative subject of Dutch
            // and German (and Italian, Portuguese) stands for the person, as "it" does not in English
            "het", "dat", "dit", "das", "questo", "quello", "isso", "isto");
    /** Words after a fragment's adjective that keep it about a person ("smug and rude", "petty woman"). */
    private static final Set<String> FRAGMENT_GOES_ON = Set.of("and", "or", "but", "as", "beyond", "to", "of",
            "woman", "man", "guy", "lady", "bloke", "person", "people", "fella", "chap", "lot", "bunch", "family",
            "couple", "customer", "customers", "client", "clients");
    private static final Set<String> LIMITS = Set.of("on", "about", "regarding", "around", "over", "when");
    private static final Set<String> AT_PEOPLE = Set.of("us", "me", "our", "my", "staff", "people", "everyone", "everybody");

    /** A judgement found in a sentence. */
    record Judgement(double weight, String words, String reason, String symbol) {
    }

    private final Lexicon.Category insults;
    private final Lexicon.Category contempt;
    private final Lexicon.Category personAdjectives;
    private final Lexicon.Category unwanted;
    private final Set<String> negators;
    private final Lexicon.Category negatorPhrases;
    private final Set<String> intensifiers;
    private final Set<String> customerNouns;
    private final Set<String> speechVerbs;
    private final Set<String> requirements;
    private final Set<String> pronouns;

    ContemptScorer(Lexicon lexicon) {
        this.insults = lexicon.category("insults");
        this.contempt = lexicon.category("contempt");
        this.personAdjectives = lexicon.category("person-adjectives");
        this.unwanted = lexicon.category("unwanted");
        this.negators = new HashSet<>(lexicon.category("negators").words());
        this.negatorPhrases = lexicon.category("negators");
        this.intensifiers = new HashSet<>(lexicon.category("intensifiers").words());
        this.customerNouns = new HashSet<>(lexicon.category("customer-nouns").words());
        this.speechVerbs = new HashSet<>(lexicon.category("speech-verbs").words());
        this.pronouns = new HashSet<>(lexicon.category("pronouns").words());
        this.requirements = new HashSet<>(lexicon.category("scopes").words());
    }

    /**
     * @param nearTarget  whether the sentence or one of the two before refers to a customer
     * @param aboutCustomer whether the message is about a customer at all (names one, or goes to one):
     *                    a strong insult with no reference nearby still counts, a little less
     */
    Optional<Judgement> score(SentenceView s, boolean nearTarget, boolean aboutCustomer) {
        Judgement best = null;
        boolean quotes = s.lower().indexOf('"') >= 0 || s.lower().indexOf('“') >= 0;
        Tokens own = quotes ? Tokens.of(withoutQuotations(s.sentence().text())) : s.tokens();
        if (s.hasTarget() || nearTarget || aboutCustomer) {
            double reach = s.hasTarget() || nearTarget ? 1.0 : UNTARGETED;
            for (var m : quotes ? insults.phrases().find(own) : s.hits().of(insults)) {
                boolean name = m.start() > 0 && NounCapitals.mayBeName(own, m.start());
                boolean counts = reach == 1.0 || m.phrase().value() >= UNAMBIGUOUS;
                if (counts && !name && !negated(own, m.start()) && !reported(own, 0, m.start())
                        && !otherSubject(own, m.start(), s.targets()) && !usedAsVerb(own, m)) {
                    best = better(best, m.phrase().value() * reach, own.span(m.start(), m.end()), "insulting word for a customer", "DISP_INSULT");
                }
            }
        }
        if (s.hasTarget() || nearTarget) {
            var idiom = Lexicon.bestRule(contempt, s);
            if (idiom.isPresent()) {
                var h = idiom.get();
                best = better(best, h.rule().weight(), s.lower().substring(h.start(), h.end()), "contemptuous remark about a customer", "DISP_IDIOM");
            }
        }
        // subjects are title-cased fragments: adjectives there are too often names ("Crazy About Burritos")
        boolean subject = s.block().kind() == TextBlock.Kind.SUBJECT;
        List<PhraseMatcher.Match<Double>> adjectives = subject ? List.of()
                : quotes ? personAdjectives.phrases().find(own) : s.hits().of(personAdjectives);
        int reportedFrom = reportedFrom(own, s.targets());
        for (var m : adjectives) {
            if (m.start() >= reportedFrom || scoped(own, m) || complemented(own, m)) {
                continue;
            }
            // "a difficult customer", "such pushy clients": the noun itself says who is judged
            boolean ofCustomerNoun = m.end() < own.size() && customerNouns.contains(own.word(m.end()));
            // "Tedious, penny-pinching and smug." right after a sentence about them: the fragment's
            // subject is the customer just spoken of
            boolean fragment = nearTarget && !s.hasTarget() && m.start() == 0 && endsFragment(own, m, adjectives);
            boolean judged = ofCustomerNoun || fragment;
            for (Target t : s.targets()) {
                boolean predicated = m.start() >= t.end() && m.start() - t.end() <= ADJECTIVE_REACH
                        && !reported(own, t.end(), m.start());
                boolean attributive = m.end() == t.start() && t.kind() != Target.Kind.PRONOUN;
                judged |= predicated || attributive;
            }
            if (judged && !negated(own, m.start()) && !otherSubject(own, m.start(), s.targets())) {
                best = better(best, intensified(own, m), own.span(m.start(), m.end()), "negative judgement of a customer", "DISP_JUDGEMENT");
            }
        }
        var unworthy = Lexicon.bestRule(unwanted, s);
        if (unworthy.isPresent()) {
            var h = unworthy.get();
            best = better(best, h.rule().weight(), s.lower().substring(h.start(), h.end()), "treats a customer as unwanted or unworthy", "DISP_UNWANTED");
        }
        return Optional.ofNullable(best);
    }

    /** Object pronouns: an insult word before one is a verb ("don't let the count fool you"). */
    private static final Set<String> OBJECTS = Set.of("you", "them", "us", "me", "him", "her", "anyone", "anybody",
            "everyone", "everybody", "nobody", "people");

    /** Words before a noun ("a fool", "you fool", "complete fool"): then the word is the noun after all. */
    private static final Set<String> NOUN_OPENERS = Set.of("a", "an", "the", "such", "that", "this", "what", "you",
            "old", "silly", "stupid", "bloody", "complete", "total", "utter");

    /** "Don't let the ticket count fool you", "they tried to con us": the word is a verb, not a name for anyone. */
    private static boolean usedAsVerb(Tokens t, PhraseMatcher.Match<Double> m) {
        return m.end() - m.start() == 1 && m.end() < t.size() && OBJECTS.contains(t.word(m.end()))
                && (m.start() == 0 || !NOUN_OPENERS.contains(t.word(m.start() - 1)));
    }

    /**
     * Where a customer's reported words begin: "Ms Varga told me the registry was useless" — after a
     * reporting verb that follows a customer reference, the judgements are theirs, not ours.
     */
    private int reportedFrom(Tokens t, List<Target> targets) {
        for (Target target : targets) {
            if (target.kind() == Target.Kind.PRONOUN && target.start() > 0) {
                continue;
            }
            for (int i = target.end(); i < Math.min(t.size(), target.end() + 3); i++) {
                // "Brandi called again, she is insane": a telephone call is not reported speech
                if (speechVerbs.contains(t.word(i)) && !t.word(i).startsWith("call")) {
                    return i;
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * A participle with a "to" complement states a right or a habit, not a judgement: "he's entitled
     * to question his bill", "they are used to waiting". "He's mean to staff" is not a participle.
     */
    private static boolean complemented(Tokens t, PhraseMatcher.Match<Double> m) {
        return m.end() < t.size() && t.word(m.end() - 1).endsWith("ed") && t.word(m.end()).equals("to");
    }

    /**
     * "demanding on turnaround", "a fussy account about lead times": an adjective of requirements
     * (scopes.txt) limited to a subject describes what they ask for, not the person.
     */
    private boolean scoped(Tokens t, PhraseMatcher.Match<Double> m) {
        if (m.end() - m.start() != 1 || !requirements.contains(t.word(m.start()))) {
            return false;
        }
        for (int i = m.end(); i < Math.min(t.size() - 1, m.end() + 2); i++) {
            if (LIMITS.contains(t.word(i))) {
                // "demanding with our staff" is still about how they treat people
                return !AT_PEOPLE.contains(t.word(i + 1));
            }
        }
        return false;
    }

    /**
     * "Joan is a delight, though the registry is a nightmare": the word is predicated ("is a
     * nightmare") of a subject whose head word is not the customer, so it judges that subject. A
     * pronoun as subject ("she is a nightmare") is left to target resolution.
     */
    private boolean otherSubject(Tokens t, int at, List<Target> targets) {
        int copula = -1;
        for (int i = at - 1; i >= Math.max(0, at - 3) && copula < 0; i--) {
            copula = COPULAS.contains(t.word(i)) ? i : -1;
        }
        if (copula <= 0) {
            return false;
        }
        // the subject's head: the last word before the copula that is not an article or adverb
        int head = copula - 1;
        while (head >= 0 && FUNCTION_WORDS.contains(t.word(head))) {
            head--;
        }
        if (head < 0 || CLAUSE_STARTS.contains(t.word(head)) || pronouns.contains(t.word(head))) {
            return false;
        }
        for (Target target : targets) {
            if (target.start() <= head && target.end() > head) {
                return false;
            }
        }
        return true;
    }

    /**
     * "Tedious, penny-pinching and smug." or "Petty woman." is a fragment about a person; "Petty
     * cash: balanced" is a noun phrase about a thing: the adjective must end the phrase, lead to
     * another adjective, or qualify a word for a person.
     */
    private static boolean endsFragment(Tokens t, PhraseMatcher.Match<Double> m, List<PhraseMatcher.Match<Double>> adjectives) {
        if (m.end() >= t.size() || FRAGMENT_GOES_ON.contains(t.word(m.end()))) {
            return true;
        }
        return adjectives.stream().anyMatch(a -> a.start() == m.end());
    }

    /** The adjective's weight, more after an intensifier; "difficult to reach" is about a task, not a person. */
    private double intensified(Tokens t, PhraseMatcher.Match<Double> m) {
        boolean intense = m.start() > 0 && intensifiers.contains(t.word(m.start() - 1));
        boolean task = m.end() < t.size() && t.word(m.end()).equals("to");
        return m.phrase().value() + (intense && !task ? INTENSITY : 0);
    }

    private static Judgement better(Judgement best, double weight, String words, String reason, String symbol) {
        return best == null || weight > best.weight() ? new Judgement(weight, words, reason, symbol) : best;
    }

    private boolean negated(Tokens t, int at) {
        for (int i = Math.max(0, at - 3); i < at; i++) {
            if (negators.contains(t.word(i))) {
                return true;
            }
        }
        // phrases ("anything but", "alles andere als") ending within the three words before
        for (var m : negatorPhrases.phrases().find(t)) {
            if (m.end() - m.start() > 1 && m.end() <= at && m.end() >= at - 3) {
                return true;
            }
        }
        return false;
    }

    /** A reporting verb between the reference and the word: it is the customer's speech, not ours. */
    private boolean reported(Tokens t, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, t.size()); i++) {
            if (speechVerbs.contains(t.word(i))) {
                return true;
            }
        }
        return false;
    }

    /** Blanks text in double quotation marks: quoted words are someone else's. */
    static String withoutQuotations(String text) {
        StringBuilder b = new StringBuilder(text);
        int open = -1;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c == '"' || c == '“' || c == '”') {
                if (open < 0 && c != '”') {
                    open = i;
                } else if (open >= 0) {
                    for (int k = open; k <= i; k++) {
                        b.setCharAt(k, ' ');
                    }
                    open = -1;
                }
            }
        }
        return b.toString();
    }
}
