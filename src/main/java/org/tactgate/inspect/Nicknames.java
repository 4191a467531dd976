package org.tactgate.inspect;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tactgate.directory.Customer;

/**
 * The staff nicknames among a customer's listed aliases: "Clipboard Mom", "Mr Last Minute",
 * "Frau Dauertelefon" for customers named Sharon Pettigrew, Marcus Tan and Regula Rüegg. An alias
 * is taken for a nickname when it is written like a name (every word but a title or an article
 * capitalised, none with a digit), has two words one of which is a word for a person or an
 * honorific before two words, and shares no word with the customer's name,
 * e-mail addresses or domains — so "Maddie" (one word: a daughter's name as likely as an epithet),
 * "Mrs. Brantley", "the couple" and "Tomasz Wiśniewski" of tomasz.wisniewski@ are not.
 *
 * <p>A contact person listed as an alias under another address ("John Smith" of info@acme) looks
 * the same; {@link DisparagementDetector} therefore counts a nickname only in mail the customer
 * reads, and never when a word of it is a word of a name in the message's own headers (the
 * contact is then usually among them: "Mr Dunleavy" beside "Ciaran Dunleavy" in From).
 * Stateless, so thread-safe.
 */
final class Nicknames {
    /** Honorifics: with one, a single word may be a nickname ("Frau Dauertelefon", "Mr Complain"). */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "madam", "madame", "mme", "mister",
            "sir", "dame", "lord", "lady", "herr", "frau", "monsieur", "mademoiselle", "meneer",
            "mevrouw", "señor", "señora", "sr", "sra", "don", "doña", "dona", "signor", "signora", "sig");
    /**
     * Articles carry no weight either way: "the Honda", "die Gemeinschaft" and "the Range Rover"
     * name things and groups as often as "The Grunter" names a person.
     */
    private static final Set<String> ARTICLES = Set.of("the", "le", "la", "les", "die", "der", "das", "el", "los", "las",
            "il", "lo", "de", "het", "o", "a", "os", "as");
    /** Words for a person that epithets end or start with ("Clipboard Mom", "Papy Cadastre"). */
    private static final Set<String> PERSON_WORDS = Set.of("mom", "mum", "mommy", "mummy", "mama", "mamma", "mother",
            "dad", "daddy", "papa", "papy", "father", "queen", "king", "princess", "prince", "lady", "guy", "man",
            "woman", "girl", "boy", "aunty", "auntie", "uncle", "baba", "chad", "karen", "diva", "boss", "granny",
            "grandpa", "nonna", "nonno", "oma", "opa", "tante", "onkel", "tata", "tio", "tia", "mami", "papi");
    private Nicknames() {
    }

    /**
     * Whether {@code words} (tokens joined by spaces, as {@link Tokens#span} gives them) are one of
     * the customer's nicknames. Nothing is remembered between calls: the directory makes a new
     * customer for every unlisted outside address and on every reload, and only the alias the text
     * matched is judged.
     */
    static boolean is(Customer c, String words) {
        for (String alias : c.aliases()) {
            if (span(alias).equals(words)) {
                return nickname(alias, nameWords(c));
            }
        }
        return false;
    }

    /** All of the customer's nicknames, in the form {@link #is} compares. */
    static Set<String> of(Customer c) {
        Set<String> own = nameWords(c);
        Set<String> out = new HashSet<>();
        for (String alias : c.aliases()) {
            if (nickname(alias, own)) {
                out.add(span(alias));
            }
        }
        return Set.copyOf(out);
    }

    private static String span(String alias) {
        Tokens t = Tokens.of(alias);
        return t.span(0, t.size());
    }

    /** The words of the customer's name, addresses and domains, folded. */
    private static Set<String> nameWords(Customer c) {
        Set<String> own = new HashSet<>();
        words(c.name(), own);
        c.emails().forEach(e -> words(e, own));
        c.domains().forEach(d -> words(d, own));
        return own;
    }

    private static boolean nickname(String alias, Set<String> own) {
        if (alias.contains("'") || alias.contains("’")) {
            return false; // "Maddie's mom": a relation, named by the name
        }
        boolean titled = false;
        List<String> rest = new ArrayList<>();
        for (String w : alias.strip().split("[\\s.]+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (TITLES.contains(fold(w))) {
                titled = true;
            } else if (ARTICLES.contains(fold(w))) {
                continue;
            } else if (!Character.isUpperCase(w.codePointAt(0)) || w.chars().anyMatch(Character::isDigit)) {
                // "the birthday party mom" is a description; "YH18 ZWD" a number plate
                return false; // "the birthday party mom": a description, not a name
            } else {
                rest.add(fold(w));
            }
        }
        // "Frau Strohmaier", "Mr Hay-Lennox", "Duarte Reis" and "Range Rover" are written the same
        // way as "Frau Dauertelefon" or "Complaint Queen": only a word for a person in a two-word
        // alias, or an honorific before two words, says the words are not a name
        boolean personWord = rest.size() >= 2 && rest.stream().anyMatch(PERSON_WORDS::contains);
        if (!personWord && !(titled && rest.size() >= 2)) {
            return false;
        }
        for (String w : rest) {
            for (String o : own) {
                boolean within = o.length() >= 4 && w.length() >= 4 && (o.contains(w) || w.contains(o));
                if (o.equals(w) || within) { // "hlindqvist@" holds "Lindqvist"
                    return false;
                }
            }
        }
        return true;
    }

    private static void words(String text, Set<String> into) {
        for (String w : text.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                into.add(fold(w));
            }
        }
    }

    /** Lower case without accents: "Wiśniewski" and wisniewski@, "Weiß" and weiss@ are one word. */
    static String fold(String w) {
        return Normalizer.normalize(w.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ß", "ss");
    }

    /** The words of a nickname that are neither titles nor articles, folded. */
    static List<String> ownWords(String nickname) {
        List<String> out = new ArrayList<>();
        for (String w : nickname.split(" ")) {
            String f = fold(w);
            if (!TITLES.contains(f) && !ARTICLES.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
