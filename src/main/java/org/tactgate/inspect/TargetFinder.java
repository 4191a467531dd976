package org.tactgate.inspect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.tactgate.directory.Customer;
import org.tactgate.directory.Reference;

/**
 * Finds references to customers in sentences of one message: names and aliases from the
 * directory and from the message's own addresses, role nouns ("the client", "these people"),
 * and third-person pronouns that point back to a customer named in the last few sentences with
 * nobody else named since. Built per message; not shared between threads.
 */
final class TargetFinder {
    private static final int PRONOUN_REACH = 4;
    private static final Set<String> NOT_NAMES = Set.of("i", "i'm", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr", "ok", "re", "fw",
            "fwd", "am", "pm", "uk", "us", "eu", "gbp", "usd", "eur", "vat");

    private final PhraseMatcher<Customer> directoryNames;
    /** Names from this message's addresses: a customer's, or (empty) someone else's. */
    private final PhraseMatcher<Optional<Customer>> messageNames;
    private final Lexicon.Category roleNouns;
    private final Lexicon.Category otherParties;
    private final Set<String> pronouns;
    private final Set<String> thingNouns;
    /** Folded words of every name the message gives: never part of an epithet (read only when one may be). */
    private final Supplier<Set<String>> knownNames;

    private Optional<Customer> antecedent = Optional.empty();
    private boolean antecedentKnown;
    private int sinceAntecedent = Integer.MAX_VALUE;
    private boolean casual;
    /** Who a role noun ("the client", "the bride") means in this block, when the message says so. */
    private Optional<Customer> presumedRole = Optional.empty();
    /** Who an epithet ("Mr Last Minute") in this block means: the customer the text is to or about. */
    private Optional<Customer> presumedEpithet = Optional.empty();
    /** Epithets are looked for except in title-cased text (subjects: "Update On The Queen Street Job"). */
    private boolean epithetsToo = true;

    /**
     * @param otherNames   names of people in this message who are not customers (case-sensitive)
     * @param partnerNames words naming a partner or supplier ("zoomship"), in any case
     */
    TargetFinder(PhraseMatcher<Customer> directoryNames, List<Reference> messageRefs, List<String> otherNames,
                 List<String> partnerNames, Lexicon lexicon, Supplier<Set<String>> knownNames) {
        this.directoryNames = directoryNames;
        this.knownNames = knownNames;
        List<PhraseMatcher.Phrase<Optional<Customer>>> names = new ArrayList<>();
        messageRefs.forEach(r -> names.add(new PhraseMatcher.Phrase<>(r.phrase(), Optional.of(r.customer()), r.caseSensitive())));
        otherNames.forEach(n -> names.add(new PhraseMatcher.Phrase<>(n, Optional.empty(), true)));
        partnerNames.forEach(n -> names.add(new PhraseMatcher.Phrase<>(n, Optional.empty(), false)));
        this.messageNames = new PhraseMatcher<>(names);
        this.roleNouns = lexicon.category("role-nouns");
        this.otherParties = lexicon.category("other-parties");
        this.pronouns = new HashSet<>(lexicon.category("pronouns").words());
        this.thingNouns = new HashSet<>(lexicon.category("thing-nouns").words());
    }

    /**
     * Starts a new block of text: pronouns do not reach back across blocks.
     *
     * @param casual the block is written without capitals (chat style): names match in any case
     * @param presumed who a pronoun refers to before anyone is named in the block, if anyone
     */
    void newBlock(boolean casual, Optional<Customer> presumed) {
        newBlock(casual, presumed, false);
    }

    /**
     * @param rolesToo role nouns in the block also mean the presumed customer: colleagues writing
     *                 about "the client" with a customer copied are most likely writing about that one
     */
    void newBlock(boolean casual, Optional<Customer> presumed, boolean rolesToo) {
        newBlock(casual, presumed, rolesToo, presumed);
    }

    /** @param epithet who an epithet in the block most likely means, when anyone */
    void newBlock(boolean casual, Optional<Customer> presumed, boolean rolesToo, Optional<Customer> epithet) {
        this.casual = casual;
        epithetsToo = true;
        presumedEpithet = epithet;
        presumedRole = rolesToo ? presumed : Optional.empty();
        antecedent = presumed;
        antecedentKnown = presumed.isPresent();
        sinceAntecedent = presumed.isPresent() ? 0 : Integer.MAX_VALUE;
    }

    /**
     * Targets in the next sentence of the current block; call in text order.
     *
     * @param text the sentence as written: a colleague greeted at its start ("Hugo - book it") is
     *             spoken to, not about, and does not take over the pronouns that follow
     */
    List<Target> next(String text, Tokens tokens, PhraseHits hits, boolean[] otherOut) {
        List<Target> out = new ArrayList<>(2);
        boolean[] covered = new boolean[tokens.size()];
        Tokens forNames = casual ? tokens.asCapitalised() : tokens;
        addNames(directoryNames.find(forNames), tokens, covered, out);
        List<PhraseMatcher.Match<Optional<Customer>>> named = messageNames.find(forNames);
        List<PhraseMatcher.Match<Customer>> customers = named.isEmpty() ? List.of() : new ArrayList<>(named.size());
        List<PhraseMatcher.Match<Optional<Customer>>> someoneElse = named.isEmpty() ? List.of() : new ArrayList<>(named.size());
        for (PhraseMatcher.Match<Optional<Customer>> m : named) {
            if (m.phrase().value().isPresent()) {
                customers.add(new PhraseMatcher.Match<>(new PhraseMatcher.Phrase<>(m.phrase().text(),
                        m.phrase().value().get(), m.phrase().caseSensitive()), m.start(), m.end()));
            } else {
                someoneElse.add(m);
            }
        }
        addNames(customers, tokens, covered, out);
        // "these PrimeDiesel people": a role phrase around a partner's or someone else's name is theirs
        boolean[] elsewhere = new boolean[tokens.size()];
        for (PhraseMatcher.Match<Optional<Customer>> m : someoneElse) {
            mark(elsewhere, m.start(), m.end());
        }
        for (PhraseMatcher.Match<Double> m : hits.of(roleNouns)) {
            if (!overlaps(covered, m.start(), m.end()) && !overlaps(elsewhere, m.start(), m.end())) {
                mark(covered, m.start(), m.end());
                out.add(new Target(m.start(), m.end(), presumedRole, Target.Kind.ROLE, true));
            }
        }
        if (!casual && epithetsToo) {
            for (Epithets.Span e : Epithets.find(text, tokens, covered, knownNames)) {
                if (!overlaps(elsewhere, e.start(), e.end())) {
                    mark(covered, e.start(), e.end());
                    out.add(new Target(e.start(), e.end(), presumedEpithet, Target.Kind.EPITHET, true));
                }
            }
        }
        boolean other = false;
        for (PhraseMatcher.Match<Optional<Customer>> m : someoneElse) {
            other |= !overlaps(covered, m.start(), m.end()) && !vocative(text, m);
        }
        for (PhraseMatcher.Match<Double> m : hits.of(otherParties)) {
            other |= !overlaps(covered, m.start(), m.end());
        }
        if (!other && out.isEmpty()) {
            other = namesSomeoneElse(text, tokens, covered);
        }
        otherOut[0] = other;
        boolean reach = sinceAntecedent < PRONOUN_REACH;
        if (reach || !out.isEmpty()) {
            Optional<Customer> who = out.isEmpty() ? antecedent : out.get(0).customer();
            boolean known = out.isEmpty() ? antecedentKnown : true;
            if (known && !(other && out.isEmpty())) {
                for (int i = 0; i < tokens.size(); i++) {
                    if (!covered[i] && pronouns.contains(tokens.word(i))) {
                        out.add(new Target(i, i + 1, who, Target.Kind.PRONOUN, true));
                    }
                }
            }
        }
        // "zoomship lost brandi's parcel. they are useless": a customer named only as the owner of a
        // thing, beside someone else, is not who the next pronoun means
        boolean onlyThings = out.stream().noneMatch(Target::strong);
        if (other && onlyThings && !out.isEmpty()) {
            antecedentKnown = false;
            sinceAntecedent = Integer.MAX_VALUE;
        } else if (out.stream().anyMatch(t -> t.kind() != Target.Kind.PRONOUN)) {
            Target first = out.stream().filter(t -> t.kind() != Target.Kind.PRONOUN).findFirst().orElseThrow();
            antecedent = first.customer();
            antecedentKnown = true;
            sinceAntecedent = 0;
        } else if (out.stream().anyMatch(t -> t.customer().equals(antecedent))) {
            sinceAntecedent = 0; // a pronoun for the customer keeps them the topic
        } else if (other) {
            antecedentKnown = false;
            sinceAntecedent = Integer.MAX_VALUE;
        } else if (sinceAntecedent != Integer.MAX_VALUE) {
            sinceAntecedent++;
        }
        return out;
    }

    /** The sentence opens by addressing this person: "Alice, the deed is ready", "Hugo - just book it". */
    private static boolean vocative(String text, PhraseMatcher.Match<?> m) {
        if (m.start() != 0) {
            return false;
        }
        int stop = -1;
        for (int i = 0; i < Math.min(text.length(), 60) && stop < 0; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ':' || c == '–' || c == '—' || c == '-' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                stop = i;
            }
        }
        return stop > 0 && Tokens.of(text.substring(0, stop)).size() == m.end();
    }

    /**
     * A capitalised word inside the sentence that is no customer's name: a pronoun after it is
     * theirs. An acronym is no one ("Her DBS has come back with a caution"): a word written in
     * capitals throughout is skipped.
     */
    private static boolean namesSomeoneElse(String text, Tokens tokens, boolean[] covered) {
        for (int i = 1; i < tokens.size(); i++) {
            String w = tokens.word(i);
            if (tokens.capitalised(i) && !covered[i] && !NOT_NAMES.contains(w)
                    && !Character.isDigit(w.charAt(0)) && !acronym(text, w)) {
                return true;
            }
        }
        return false;
    }

    /** No epithets in the current block: its words are capitalised as a title's are. */
    void titleCased() {
        epithetsToo = false;
    }

    /** A capitalised word that is not a name: a month, a weekday, "Mr", "Re". */
    static boolean notName(String word) {
        return NOT_NAMES.contains(word);
    }

    private static boolean acronym(String text, String word) {
        return word.length() >= 2 && text.contains(word.toUpperCase(java.util.Locale.ROOT));
    }

    private void addNames(List<PhraseMatcher.Match<Customer>> matches, Tokens tokens, boolean[] covered, List<Target> out) {
        List<PhraseMatcher.Match<Customer>> longestFirst = new ArrayList<>(matches);
        longestFirst.sort((a, b) -> a.start() != b.start() ? a.start() - b.start() : (b.end() - b.start()) - (a.end() - a.start()));
        for (PhraseMatcher.Match<Customer> m : longestFirst) {
            if (overlaps(covered, m.start(), m.end())) {
                continue;
            }
            mark(covered, m.start(), m.end());
            int after = m.end() < tokens.size() && tokens.word(m.end()).equals("'s") ? m.end() + 1 : m.end();
            boolean thing = after < tokens.size() && thingNouns.contains(tokens.word(after));
            out.add(new Target(m.start(), m.end(), Optional.of(m.phrase().value()), Target.Kind.NAME, !thing));
        }
    }

    private static boolean overlaps(boolean[] covered, int from, int to) {
        for (int i = from; i < to; i++) {
            if (covered[i]) {
                return true;
            }
        }
        return false;
    }

    private static void mark(boolean[] covered, int from, int to) {
        for (int i = from; i < to; i++) {
            covered[i] = true;
        }
    }
}
