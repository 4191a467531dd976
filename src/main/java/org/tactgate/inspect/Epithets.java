package org.tactgate.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Capitalised epithets staff invent for a person and write like a name, found in the text itself
 * (not in the customer list: nobody lists "Mr Last Minute" as an alias of Marcus Tan). Three
 * shapes, each of which real names rarely take:
 * <ul>
 *   <li>an honorific before words that are no one's name in this message — "Mr Last Minute",
 *       "Madam Spreadsheet", "Frau Dauertelefon", "Monsieur Je-Sais-Tout", "Mister Pivot";</li>
 *   <li>a capitalised word for a person beside another capitalised word — "Papy Cadastre",
 *       "Baba Landlord", "London Aunty", "Clipboard Queen";</li>
 *   <li>a Romance-language article before a capitalised word inside a sentence — "la Generala",
 *       "el Ferretero", "os Pais Helicóptero", "O Lorde": Spanish, Portuguese, Italian and French
 *       put no article before a person's name in writing, so an article there marks a nickname.</li>
 * </ul>
 * A real surname after an honorific ("Frau Strohmaier") looks the same as an epithet; a word
 * that names someone in the message's headers or quoted attributions is therefore never one, and
 * the caller presumes the epithet means the customer the text is written to or about, as it does
 * for "the client". Stateless.
 */
final class Epithets {
    /** Honorifics before a name or an epithet. */
    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "madam", "madame", "mme", "mister", "sir",
            "dame", "lord", "lady", "herr", "frau", "monsieur", "mademoiselle", "meneer", "mevrouw", "señor",
            "señora", "senor", "senora", "don", "doña", "dona", "senhor", "senhora", "signor", "signora", "mevr",
            "dhr", "sra", "sr", "dr", "doctor", "doctora", "doktor", "docteur", "doutor", "doutora", "dottore",
            "dottoressa", "captain", "capitaine", "capitán", "capitan", "kapitän", "capitão", "professor",
            "professeur", "profesor", "profesora", "prof");
    /** Words for a person that epithets are built on ("Clipboard Queen", "Papy Cadastre"). */
    static final Set<String> PERSON_WORDS = Set.of("mom", "mum", "mama", "mother", "dad", "daddy", "papa", "papy",
            "queen", "king", "princess", "prince", "guy", "man", "woman", "girl", "boy", "aunty", "auntie", "uncle",
            "baba", "diva", "boss", "granny", "grandpa", "nonna", "nonno", "oma", "opa", "tante", "onkel",
            "tata", "tio", "tía", "tia", "mami", "papi", "señorita", "chef");
    /**
     * Ranks and royalty that, capitalised after an article or a possessive, mock a person as one:
     * "the Duchess", "die Gräfin", "Ihre Durchlaucht", "Su Majestad". Any language: German writes
     * every noun capitalised, so only these count after "der"/"die".
     */
    private static final Set<String> RANKS = Set.of("duchess", "princess", "diva",
            "empress", "emperor", "countess", "baroness", "majesty", "highness", "godfather", "tsar", "czar",
            "pharaoh", "sultan", "oracle", "gräfin", "prinzessin", "königin", "herzogin", "baronin",
            "majestät", "durchlaucht", "hoheit", "kaiserin", "duchesse", "princesse", "reine", "roi", "comtesse",
            "baronne", "majesté", "altesse", "impératrice", "empereur", "duquesa", "princesa", "reina", "rey",
            "condesa", "baronesa", "majestad", "alteza", "emperatriz", "duchessa", "principessa",
            "regina", "contessa", "baronessa", "maestà", "altezza", "imperatrice", "rainha", "condessa",
            "majestade", "hertogin", "prinses", "koningin", "gravin", "barones", "majesteit", "hoogheid",
            "keizerin");
    /** Offices an honorific addresses in earnest: "Mr President", "Madam Chair", "Herr Minister". */
    private static final Set<String> OFFICES = Set.of("president", "chairman", "chair", "chairwoman", "senator",
            "governor", "mayor", "minister", "speaker", "secretary", "ambassador", "justice", "chancellor",
            "commissioner", "director", "präsident", "presidente", "président", "bürgermeister", "ministre",
            "ministro", "directeur", "direktor", "directora", "alcalde", "prefeito", "sindaco", "maire",
            "juez", "richter", "juge", "giudice", "rektor", "recteur", "rector", "dekan", "doyen", "decano");
    /** Honorifics of languages that write compounds as one word ("Frau Dauertelefon"). */
    private static final Set<String> GERMANIC = Set.of("herr", "frau", "meneer", "mevrouw", "mevr", "dhr");
    /** Articles and possessives before a rank used as a nickname. */
    private static final Set<String> RANK_OPENERS = Set.of("the", "our", "her", "his", "der", "die", "das", "unsere",
            "ihre", "seine", "la", "le", "el", "o", "a", "il", "lo", "su", "sa", "son", "notre", "nuestra",
            "nuestro", "sua", "nossa", "nosso", "nostra", "de", "het", "onze", "zijne", "hare");
    /** Articles that never stand before a person's name in Romance-language writing. */
    private static final Set<String> ROMANCE_ARTICLES = Set.of("el", "la", "los", "las", "o", "os", "il", "lo",
            "gli", "le", "les"); // not "a", "as", "i": English words ("As California…", "I The…")
    /** Capitalised words after an article that name things, places and bodies, not people. */
    private static final Set<String> NOT_PEOPLE = Set.of("banco", "caixa", "junta", "agencia", "agência", "ayuntamiento",
            "câmara", "camara", "comune", "mairie", "ministerio", "ministério", "ministero", "ministère", "estado",
            "gobierno", "governo", "seguridad", "segurança", "sociedade", "sociedad", "societe", "société", "consejo",
            "conselho", "consiglio", "conseil", "dirección", "direccion", "direção", "direcao", "direzione",
            "direction", "departamento", "dipartimento", "département", "universidad", "universidade", "università",
            "université", "hospital", "hôpital", "ospedale", "clínica", "clinica", "clinique", "escuela", "escola",
            "scuola", "école", "club", "clube", "grupo", "gruppo", "groupe", "fondo", "fundo", "fonds", "iva", "irpf",
            "tva", "cnpj", "nif", "cuit", "afip", "sat", "urssaf", "inps", "pdf", "excel", "word", "whatsapp",
            "zoom", "teams", "google", "outlook", "gmail", "instagram", "facebook", "linkedin", "covid", "navidad",
            "natal", "natale", "noël", "pascua", "páscoa", "pasqua", "pâques", "semana", "santa", "feria", "expo",
            "salón", "salon", "centro", "centre", "mercado", "marché", "plaza", "praça", "piazza", "place", "calle",
            "rua", "via", "rue", "avenida", "avenue", "paseo", "parque", "parc", "parco", "barrio", "bairro",
            "norte", "sur", "sul", "nord", "este", "oeste", "est", "ouest", "ovest", "internet", "web", "app",
            "sistema", "système", "plataforma", "plateforme", "piattaforma", "tribunal", "tribunale", "juzgado",
            "registro", "registo", "registre", "notaría", "notario", "notaire", "cadastre", "catastro", "hacienda",
            "fisco", "finanças", "financas", "aduana", "alfândega", "policía", "polícia", "polizia", "police",
            // Italian and Spanish letters capitalise the polite "your" and "you": "il Suo contratto"
            "suo", "sua", "suoi", "sue", "lei", "loro", "vostro", "vostra", "usted", "ustedes", "vuestro", "vuestra",
            // places and bodies that take an article
            "angeles", "paso", "salvador", "cairo", "haya", "havre", "mans", "rochelle", "plata", "paz", "coruña",
            "habana", "rioja", "mancha", "zona", "unidad", "code", "código", "codice", "comisión", "commission",
            "commissione", "comissão", "oficina", "ufficio", "bureau", "secretaría", "secrétariat", "tesorería",
            "tesouraria", "procuraduría", "defensoría", "fiscalía", "superintendencia", "dian", "sunat", "cámara",
            "asamblea", "assemblée", "assemblea", "assembleia", "syndicat", "sindicato", "sindacato", "régie",
            "ville", "città", "ciudad", "cidade", "province", "provincia", "província", "région", "regione", "región",
            "região", "defensa", "défense", "difesa", "defesa", "comunidad", "comunidade", "generalitat", "xunta", "diputación");

    private Epithets() {
    }

    /** A span of tokens, end exclusive. */
    record Span(int start, int end) {
    }

    /**
     * Epithet spans among the tokens not yet covered by another reference.
     *
     * @param names folded words of the names this message gives (headers, attributions), read only
     *              when a shape is found
     */
    static List<Span> find(String text, Tokens tokens, boolean[] covered, java.util.function.Supplier<Set<String>> names) {
        List<Span> out = new ArrayList<>(1);
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            if (covered[i]) {
                continue;
            }
            String w = tokens.word(i);
            Span s = null;
            if (RANK_OPENERS.contains(w) && i + 1 < n && free(tokens, covered, i + 1) && tokens.capitalised(i + 1)
                    && RANKS.contains(tokens.word(i + 1)) && (i > 0 || tokens.capitalised(i))) {
                s = new Span(i, i + 2);
            } else if (TITLES.contains(w) && tokens.capitalised(i)) {
                s = titled(tokens, covered, names.get(), i);
            } else if (ROMANCE_ARTICLES.contains(w)) {
                s = articled(tokens, covered, names.get(), i);
            } else if (tokens.capitalised(i) && i + 1 < n) {
                s = personWord(tokens, covered, names, i);
            }
            if (s != null && (acronymIn(text, tokens, s) || !adjacent(text, tokens, s))) {
                s = null; // "LA Times", "el BMW", "Frau Mag." of an Austrian degree: no nickname
            }
            if (s != null) {
                out.add(s);
                i = s.end() - 1;
            }
        }
        return out;
    }

    /** "Mr Last Minute", "Frau Dauertelefon": an honorific and one to three words no one here is named. */
    private static Span titled(Tokens t, boolean[] covered, Set<String> known, int i) {
        int end = i + 1;
        while (end < t.size() && end - i <= 3 && free(t, covered, end) && t.capitalised(end)) {
            if (TITLES.contains(t.word(end)) || RANKS.contains(t.word(end)) || OFFICES.contains(t.word(end))) {
                return null; // "Madame, Monsieur", "Mr President": a form of address, not a nickname
            }
            if (known.contains(Nicknames.fold(t.word(end)))) {
                return null; // "Frau Strohmaier" beside "Anna Strohmaier" in From: a real name
            }
            end++;
        }
        return end > i + 1 && wordLike(t, i + 1, end) && ordinary(t, i + 1, end, GERMANIC.contains(t.word(i)))
                ? new Span(i, end) : null;
    }

    /**
     * Every word an ordinary word, not a name: "Last Minute", "Spreadsheet", "Je-Sais-Tout" (each
     * part), "Dauertelefon" (two words of four letters or more) — not "Pemberton", "Strohmaier",
     * "Baker" (a surname that is also a word) or "Anna".
     */
    private static boolean ordinary(Tokens t, int from, int to) {
        return ordinary(t, from, to, false);
    }

    /** @param compounds whether a word may also be two words written together */
    private static boolean ordinary(Tokens t, int from, int to, boolean compounds) {
        // one word alone must be a word for certain ("Mr Pivot"); in a phrase ("Madam Fourth Floor")
        // or a compound the subtitle-gathered lists are good enough
        boolean alone = to - from == 1;
        for (int i = from; i < to; i++) {
            if (!ordinary(Nicknames.fold(t.word(i)), alone, compounds)) {
                return false;
            }
        }
        return true;
    }

    static boolean ordinary(String folded, boolean alone, boolean compounds) {
        if (CommonWords.name(folded)) {
            return false;
        }
        if (folded.indexOf('-') > 0) {
            boolean content = false;
            for (String part : folded.split("-")) {
                if (CommonWords.name(part) || part.length() > 3 && !CommonWords.likelyWord(part)) {
                    return false;
                }
                content |= part.length() > 3;
            }
            return content;
        }
        return (alone ? CommonWords.word(folded) : CommonWords.likelyWord(folded)) || compounds && compound(folded);
    }

    /**
     * A long word made of two ordinary words ("dauertelefon", "oberschwester"), as German and
     * Dutch write them. Not a surname's "-mann", "-meier" or "-berger" ("Bergmann", "Hartmann").
     */
    private static boolean compound(String w) {
        if (w.length() < 9) {
            return false;
        }
        for (int cut = 4; cut <= w.length() - 4; cut++) {
            String tail = w.substring(cut);
            if (SURNAME_TAILS.contains(tail)) {
                continue;
            }
            if (CommonWords.likelyWord(w.substring(0, cut)) && CommonWords.likelyWord(tail)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> SURNAME_TAILS = Set.of("mann", "man", "meier", "maier", "mayer", "meyer", "berger",
            "huber", "bauer", "hofer", "ner", "ler", "inger", "stein", "berg", "feld", "son", "sen", "ski", "sky",
            "dorf", "hausen", "brock", "kamp", "haus", "mans", "kens");

    /** Words that show a sentence is written in Spanish, Portuguese, French or Italian. */
    private static final Set<String> ROMANCE_WORDS = Set.of("de", "del", "que", "en", "y", "con", "por", "para", "es",
            "un", "una", "et", "est", "une", "des", "du", "qui", "pour", "avec", "pas", "não", "é", "um", "uma", "com",
            "do", "da", "dos", "das", "che", "non", "per", "di", "è", "sono", "ha", "ho", "se", "al", "ao", "à",
            "mais", "muy", "pero", "mas", "ya", "já", "lui", "ele", "ela", "él", "ella", "il", "elle", "nos", "nous",
            "nosotros", "noi", "está", "esta", "sont", "son", "tiene", "tem", "ont", "hanno", "hay", "ne", "na", "no",
            "em", "nas", "aos", "pelo", "pela", "sur", "dans", "au", "aux", "nel", "nella", "della", "alla", "sul");
    /** Prepositions inside titles ("Ley General para la Defensa de los Consumidores"). */
    private static final Set<String> PREPOSITIONS = Set.of("de", "del", "da", "do", "di", "des", "du", "della", "dello");
    /** Plural articles: "os Pais Helicóptero", "los Tortolitos" take a second word. */
    private static final Set<String> PLURAL_ARTICLES = Set.of("los", "las", "os", "les", "gli");

    /** "la Generala", "os Pais Helicóptero": an article before a capitalised word, inside a sentence. */
    private static Span articled(Tokens t, boolean[] covered, Set<String> known, int i) {
        if (!romance(t, i)) {
            return null; // "they toured El Monte": a Spanish place name in English text
        }
        int j = i + 1;
        if (j >= t.size() || !free(t, covered, j) || !t.capitalised(j) || (i > 0 && t.capitalised(i) && !t.capitalised(i - 1))) {
            return null;
        }
        if (i == 0 && !t.capitalised(i)) {
            return null;
        }
        // "la Defensa de los Consumidores y Usuarios": inside the title of a law, a body or a place
        if (i >= 3 && PREPOSITIONS.contains(t.word(i - 1)) && t.capitalised(i - 2)) {
            return null;
        }
        String w = t.word(j);
        if (NOT_PEOPLE.contains(w) || known.contains(Nicknames.fold(w)) || TITLES.contains(w) || !wordLike(t, j, j + 1)
                || w.indexOf('-') >= 0 || !ordinary(t, j, j + 1)) {
            return null;
        }
        int end = j + 1;
        if (PLURAL_ARTICLES.contains(t.word(i)) && end < t.size() && free(t, covered, end) && t.capitalised(end) && wordLike(t, end, end + 1)
                && !known.contains(Nicknames.fold(t.word(end))) && ordinary(t, end, end + 1)) {
            end++;
        }
        // a run of capitals after the article is a title or a place ("la Casa Blanca del Sur")
        if (end < t.size() && t.capitalised(end)) {
            return null;
        }
        return new Span(i, end);
    }

    private static boolean romance(Tokens t, int article) {
        for (int i = 0; i < t.size(); i++) {
            if (i != article && ROMANCE_WORDS.contains(t.word(i))) {
                return true;
            }
        }
        return false;
    }

    /** Personifications written the same way: "Mother Nature" is no one's nickname. */
    private static final Set<String> PERSONIFIED = Set.of("mother nature", "father time", "father christmas",
            "uncle sam", "big brother", "lady luck", "mother earth", "old man", "baby boomer", "boy scout",
            "girl scout", "tooth fairy", "mutter natur", "mère nature", "madre naturaleza", "mãe natureza",
            "madre natura", "moeder natuur");

    /** Words that make a name with a person word a place: "Queen Creek", "King Street", "Lady Bay". */
    private static final Set<String> PLACES = Set.of("creek", "street", "st", "road", "rd", "avenue", "ave", "lane",
            "park", "bay", "hill", "hills", "valley", "lake", "river", "square", "bridge", "court", "gardens",
            "island", "point", "beach", "mountain", "station", "hotel", "house", "cross", "arms", "head", "falls",
            "springs", "heights", "place", "way", "drive", "close", "grove", "field", "fields", "wharf", "quay",
            "mall", "centre", "center", "plaza", "county", "city", "town", "village", "port", "harbour", "harbor",
            "strasse", "straße", "platz", "weg", "calle", "rue", "rua", "via", "piazza", "praça");

    /** "Papy Cadastre", "London Aunty": a word for a person beside another capitalised word. */
    private static Span personWord(Tokens t, boolean[] covered, java.util.function.Supplier<Set<String>> names, int i) {
        int j = i + 1;
        if (!free(t, covered, j) || !t.capitalised(j)) {
            return null;
        }
        boolean person = PERSON_WORDS.contains(t.word(i)) || PERSON_WORDS.contains(t.word(j));
        if (!person) {
            return null; // most capitalised pairs: the names need not be read
        }
        Set<String> known = names.get();
        if (known.contains(Nicknames.fold(t.word(i))) || known.contains(Nicknames.fold(t.word(j)))
                || !wordLike(t, i, j + 1) || !ordinary(t, i, j + 1)) {
            return null;
        }
        if ((j + 1 < t.size() && t.capitalised(j + 1)) || (i > 0 && t.capitalised(i - 1) && i - 1 != 0)) {
            return null; // part of a longer capitalised run: a company or a title
        }
        if (PLACES.contains(t.word(i)) || PLACES.contains(t.word(j))) {
            return null; // "Queen Creek", "King Street", "Prince Albert Road": a place, not a person
        }
        return PERSONIFIED.contains(t.span(i, j + 1)) ? null : new Span(i, j + 1);
    }

    /** The words stand side by side in the text, with nothing but spaces between ("LA Times, Wed" does not). */
    private static boolean adjacent(String text, Tokens t, Span s) {
        String flat = text.toLowerCase(java.util.Locale.ROOT).replace(".", "").replaceAll("\\s+", " ");
        return flat.contains(t.span(s.start(), s.end()));
    }

    private static boolean acronymIn(String text, Tokens t, Span s) {
        for (int i = s.start(); i < s.end(); i++) {
            String w = t.word(i);
            if (w.length() >= 2 && text.contains(w.toUpperCase(java.util.Locale.ROOT))) {
                return true;
            }
            if (i == s.start()) {
                continue; // the honorific itself may be "Dr."
            }
            int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(w);
            if (at >= 0 && at + w.length() < text.length() && text.charAt(at + w.length()) == '.' && w.length() <= 4) {
                return true; // "Mag.", "Ing.": an abbreviated degree or title
            }
        }
        return false;
    }

    private static boolean free(Tokens t, boolean[] covered, int i) {
        return i < t.size() && !covered[i];
    }

    /** Words of letters, not numbers, codes or acronyms, and not a month or weekday. */
    private static boolean wordLike(Tokens t, int from, int to) {
        for (int i = from; i < to; i++) {
            String w = t.word(i);
            if (w.length() < 2 || !Character.isLetter(w.codePointAt(0)) || w.chars().anyMatch(Character::isDigit)
                    || TargetFinder.notName(w)) {
                return false;
            }
        }
        return true;
    }
}
