package org.tactgate.mime;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds where a block's signature starts: a "-- " delimiter, a "Sent from my …" line, a closing
 * ("Kind regards,") near the end, or a trailing run of short unpunctuated lines (name, title,
 * phone) after the last real sentence.
 */
final class SignatureFinder {
    private static final int TAIL = 12;
    private static final Pattern DELIMITER = Pattern.compile("^--\\s?$|^sent from my .*|^get outlook for .*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSING = Pattern.compile(
            "^(with )?((kind(est)?|warm(est)?|best|many|warm|sincere)\\s+)?(regards|wishes|thanks|thank you)"
                    + "( again| so much| and (kind|best|warm) regards)?[,.!]?$"
                    + "|^(cheers|best|all the best|sincerely|yours( sincerely| faithfully| truly)?|thanks( all| again| so much)?"
                    + "|thank you( all)?|take care|with apologies.*regards|speak soon|talk soon)[,.!]?$",
            Pattern.CASE_INSENSITIVE);

    private static final List<String> CLOSING_ENDS = List.of("regards", "wishes", "thanks", "thank you", "again", "so much");

    private SignatureFinder() {
    }

    /** Index of the first signature line, or {@code lines.size()} when there is none. */
    static int start(List<String> lines) {
        int n = lines.size();
        for (int i = Math.max(0, n - TAIL * 2); i < n; i++) {
            String l = lines.get(i).strip();
            if (!l.isEmpty() && "-sSgG".indexOf(l.charAt(0)) >= 0 && DELIMITER.matcher(l).matches()) {
                return i;
            }
        }
        int nonEmptyAfter = 0;
        int closing = -1;
        for (int i = n - 1; i >= 0 && nonEmptyAfter <= TAIL; i--) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            if (mayClose(l) && CLOSING.matcher(l).matches()) {
                closing = i;
            }
            nonEmptyAfter++;
        }
        if (closing >= 0) {
            return closing;
        }
        return trailingRun(lines);
    }

    /**
     * A cheap necessary condition for {@link #CLOSING}: it starts with one of the closings' first
     * letters, and a long line can only be one when it ends like one ("…regards", "…thanks").
     */
    private static boolean mayClose(String l) {
        if ("wkbmsrtcayWKBMSRTCAY".indexOf(l.charAt(0)) < 0) {
            return false;
        }
        if (l.length() <= 60) {
            return true;
        }
        String end = ",.!".indexOf(l.charAt(l.length() - 1)) >= 0 ? l.substring(0, l.length() - 1) : l;
        for (String word : CLOSING_ENDS) {
            if (end.regionMatches(true, end.length() - word.length(), word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** Short lines without sentence punctuation at the end (name, title, phone), at least two. */
    private static int trailingRun(List<String> lines) {
        int n = lines.size();
        int start = n;
        int count = 0;
        for (int i = n - 1; i >= 0 && count < TAIL; i--) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            char last = l.charAt(l.length() - 1);
            if (l.length() > 60 || last == '.' || last == '?' || last == '!' || last == ':') {
                break;
            }
            start = i;
            count++;
        }
        boolean hasTextBefore = lines.subList(0, start).stream().anyMatch(l -> !l.isBlank());
        return count >= 2 && hasTextBefore ? start : n;
    }
}
