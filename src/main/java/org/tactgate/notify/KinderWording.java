package org.tactgate.notify;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tactgate.message.Finding;

/**
 * Suggests a kinder way to say a sentence a blame finding points at, derived from that sentence:
 * an opening that acknowledges the customer's feelings, the sentence with its accusing parts
 * taken out (a trailing tag question such as "…, weren't you?", a rhetorical "Don't you…"
 * opening, a leading accusing "You…", edge words like "obviously"), and an offer to help.
 * Stateless and thread-safe.
 */
public final class KinderWording {
    private static final Pattern TAG_QUESTION = Pattern.compile(
            ",?\\s*(?:weren't|wasn't|didn't|don't|do|did|aren't|isn't|won't|can't|haven't|hasn't|couldn't|shouldn't"
                    + "|wouldn't|were|was|are|is|will|can|have|has|could|should|would)\\s+(?:you|we|it|they|i)\\s*\\?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RHETORICAL = Pattern.compile(
            "^(?:don't|didn't|do|did|can't|won't|aren't|weren't|haven't)\\s+you\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EDGE_WORDS = Pattern.compile(
            "\\b(?:obviously|clearly|simply|of course|honestly|frankly|again|even|really)\\b,?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_YOU = Pattern.compile("^you(?:'re|'ve|'d)?\\b", Pattern.CASE_INSENSITIVE);

    private KinderWording() {
    }

    /** A suggestion for a blame finding; empty for other findings or an empty sentence. */
    public static Optional<String> suggest(Finding finding) {
        if (!finding.detector().equals("blame")) {
            return Optional.empty();
        }
        String s = finding.evidence().replace('’', '\'').strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        s = TAG_QUESTION.matcher(s).replaceFirst(".");
        Matcher rhetorical = RHETORICAL.matcher(s);
        boolean wasRhetorical = rhetorical.find();
        if (wasRhetorical) {
            s = "you " + s.substring(rhetorical.end());
        }
        s = EDGE_WORDS.matcher(s).replaceAll("").replaceAll("\\s{2,}", " ").strip();
        s = s.replaceAll("[?!]+$", ".");
        if (!s.endsWith(".")) {
            s = s + ".";
        }
        String body;
        if (LEADING_YOU.matcher(s).find()) {
            // an accusing "You…" becomes how we understood it, which the customer can correct
            body = "As I understand it, " + lowerFirst(s) + " Please tell me if I have that wrong.";
        } else {
            body = upperFirst(s);
        }
        return Optional.of("I understand this situation has been frustrating, and I'm sorry for that. " + body
                + " Let's work out together how we can help from here.");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
