package org.tactgate.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The literal text every match of a lexicon pattern must contain, read from the pattern's
 * source: each literal run at the top level ("you", " the ", "\?") and each required group of
 * plain alternatives ("(sick|tired|fed up)") is one requirement. A sentence lacking any of them
 * cannot match, so the pattern need not run. Conservative: what it cannot read (a top-level
 * "|", nested groups, classes, optional parts) adds no requirement, and never removes a match.
 */
final class RegexAnchors {
    private static final String META = "\\^$.|?*+()[]{}";
    private static final String OPTIONAL = "?*{";
    /** The letter look-arounds the lexicons use beside accented letters, where Java's {@code \b} fails. */
    private static final java.util.regex.Pattern LOOKAROUND = java.util.regex.Pattern.compile("\\(\\?<?[!=]\\\\p\\{L}\\)");

    private RegexAnchors() {
    }

    /** Requirements, each a list of alternatives; empty when nothing is certain. */
    static List<List<String>> of(String regex) {
        List<List<String>> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int depth = 0;
        int groupStart = -1;
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            // a look-around consumes nothing: "(?<!\p{L})vous" requires "vous" as "\bvous" does
            if (depth == 0 && regex.startsWith("(?", i)) {
                java.util.regex.Matcher m = LOOKAROUND.matcher(regex).region(i, n);
                if (m.lookingAt()) {
                    flush(run, out);
                    i = m.end() - 1;
                    continue;
                }
            }
            // an escaped punctuation mark ("\?", "\.") is that character, literally
            boolean escapedLiteral = c == '\\' && i + 1 < n && !Character.isLetterOrDigit(regex.charAt(i + 1));
            char literal = escapedLiteral ? regex.charAt(i + 1) : c;
            int after = escapedLiteral ? i + 2 : i + 1;
            char next = after < n ? regex.charAt(after) : '\0';
            if (depth == 0 && (escapedLiteral || META.indexOf(c) < 0)) {
                if (OPTIONAL.indexOf(next) < 0) {
                    run.append(literal);
                } else {
                    flush(run, out); // "s?" — the character may be absent
                }
                i = after - 1;
                continue;
            }
            flush(run, out);
            if (c == '\\') {
                i++;
            } else if (c == '{' && depth == 0) {
                while (i < n && regex.charAt(i) != '}') {
                    i++; // a repetition count, not text
                }
            } else if (c == '(' || c == '[') {
                if (depth == 0 && c == '(') {
                    groupStart = i + 1;
                }
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0 && c == ')' && OPTIONAL.indexOf(next) < 0) {
                    alternatives(regex.substring(groupStart, i)).ifPresent(out::add);
                }
            } else if (c == '|' && depth == 0) {
                return List.of(); // top-level alternatives: no single requirement holds
            }
        }
        flush(run, out);
        // longest first: a rare literal rules a sentence out with the fewest look-ups
        out.sort(java.util.Comparator.comparingInt((List<String> anyOf) ->
                anyOf.stream().mapToInt(String::length).min().orElse(0)).reversed());
        return List.copyOf(out);
    }

    private static void flush(StringBuilder run, List<List<String>> out) {
        String s = run.toString().strip().toLowerCase(Locale.ROOT);
        if (!s.isEmpty()) {
            out.add(List.of(s));
        }
        run.setLength(0);
    }

    /** A group body like "sick|tired|fed up" as its stripped alternatives; empty if not plain. */
    private static java.util.Optional<List<String>> alternatives(String body) {
        if (!body.matches("[\\p{Ll}0-9' |-]+") || body.contains("||") || body.startsWith("|") || body.endsWith("|")) {
            return java.util.Optional.empty();
        }
        List<String> alts = Arrays.stream(body.split("\\|")).map(String::strip).toList();
        return alts.stream().anyMatch(String::isEmpty) ? java.util.Optional.empty() : java.util.Optional.of(alts);
    }
}
