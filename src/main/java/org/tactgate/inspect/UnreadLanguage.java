package org.tactgate.inspect;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tactgate.mime.TextBlock;

/**
 * Whether the author's own text is in a language the lexicons and the reader do not read, so that
 * detection saw none of it: mostly letters of another script (Greek, Cyrillic, Arabic, Hebrew,
 * Devanagari, CJK…), or Latin letters with almost none of the commonest words of English, German,
 * Spanish, French, Italian, Dutch and Portuguese (Polish, Czech, Swedish, Turkish, a dialect…).
 *
 * <p>Not a language identifier: the one question is "could we read this", which a dozen function
 * words per language answer; the identifiers on Maven Central are unmaintained (Optimaize) or
 * ship every language's model (Lingua, hundreds of MB) for one bit (see {@link NounCapitals}).
 */
final class UnreadLanguage {
    /** Too little text to say anything: a one-line reply in any language is a guess. */
    private static final int MIN_WORDS = 25;
    /** Running text in the seven languages is a third or more function words; a fifth is far below. */
    private static final double MIN_KNOWN_SHARE = 0.15;
    private static final double MAX_OTHER_SCRIPT = 0.5;
    /** A list, not Set.of: the languages share words ("es", "para", "as"). */
    private static final Set<String> KNOWN = Set.copyOf(List.of(
            // English
            "the", "and", "to", "of", "a", "in", "is", "it", "you", "that", "for", "we", "on", "with", "this", "be", "are",
            "have", "i", "not", "will", "can", "your", "at", "as",
            // German
            "der", "die", "das", "und", "ist", "nicht", "ich", "sie", "wir", "mit", "für", "auf", "ein", "eine", "zu",
            "den", "dem", "von", "es", "auch", "bitte", "wie", "aber",
            // Spanish
            "el", "la", "los", "las", "y", "que", "de", "en", "es", "por", "con", "para", "no", "un", "una", "su", "lo",
            "se", "muy", "pero",
            // French
            "le", "les", "et", "est", "pas", "vous", "nous", "je", "une", "pour", "dans", "sur", "du", "des", "qui",
            "avec", "mais",
            // Italian
            "il", "di", "che", "e", "non", "per", "sono", "della", "gli", "ci", "si", "ma", "come", "questo",
            // Dutch
            "het", "een", "en", "van", "ik", "je", "niet", "op", "dat", "zijn", "met", "voor", "ook", "maar", "wij",
            // Portuguese
            "o", "os", "da", "do", "não", "em", "um", "uma", "com", "para", "mas", "você", "as", "ao", "dos"));

    private UnreadLanguage() {
    }

    /** What could not be read, when the author's text is in a language we do not read. */
    static Optional<String> in(List<SentenceView> sentences) {
        int words = 0;
        int known = 0;
        int latin = 0;
        int other = 0;
        for (SentenceView s : sentences) {
            if (s.block().kind() != TextBlock.Kind.AUTHOR) {
                continue;
            }
            Tokens t = s.tokens();
            for (int i = 0; i < t.size(); i++) {
                String w = t.word(i);
                if (w.chars().anyMatch(Character::isDigit)) {
                    continue; // figures, dates and codes are no language's words
                }
                words++;
                known += KNOWN.contains(w) ? 1 : 0;
                int c = w.codePointAt(0);
                if (Character.isLetter(c)) {
                    if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                        latin++;
                    } else {
                        other++;
                    }
                }
            }
        }
        if (words < MIN_WORDS) {
            return Optional.empty();
        }
        if (other > MAX_OTHER_SCRIPT * (latin + other)) {
            return Optional.of("the text is written in a script the detectors do not read");
        }
        if (known < MIN_KNOWN_SHARE * words) {
            return Optional.of("the text is in a language the detectors do not read (" + known + " of " + words
                    + " words are common words of the seven they read)");
        }
        return Optional.empty();
    }
}
