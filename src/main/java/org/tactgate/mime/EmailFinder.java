package org.tactgate.mime;

/**
 * Finds the first e-mail address in a line, exactly as the pattern
 * {@code [A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}} would with {@code find()}, but by
 * scanning outward from each '@' instead of trying the pattern at every position: attribution
 * and header lines are read for every quoted turn, and the pattern's cost grew with line length.
 *
 * <p>SECURITY: input is untrusted; work is linear in the line's length.
 */
final class EmailFinder {

    private EmailFinder() {
    }

    /** {start, end} of the first address in {@code text}, or {@code null} when there is none. */
    static int[] find(String text) {
        int n = text.length();
        int searchFrom = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > searchFrom && local(text.charAt(start - 1))) {
                start--;
            }
            searchFrom = at + 1; // local parts never contain '@': the next one starts after this
            if (start == at) {
                continue;
            }
            int domainEnd = at + 1;
            while (domainEnd < n && domain(text.charAt(domainEnd))) {
                domainEnd++;
            }
            // the greedy domain part backs off to the last '.' that has two letters after it
            for (int dot = domainEnd - 1; dot > at + 1; dot--) {
                if (text.charAt(dot) != '.') {
                    continue;
                }
                int letters = dot + 1;
                while (letters < domainEnd && letter(text.charAt(letters))) {
                    letters++;
                }
                if (letters - dot - 1 >= 2) {
                    return new int[] {start, letters};
                }
            }
        }
        return null;
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean local(char c) {
        return letter(c) || c >= '0' && c <= '9' || "._%+'-".indexOf(c) >= 0;
    }

    private static boolean domain(char c) {
        return letter(c) || c >= '0' && c <= '9' || c == '.' || c == '-';
    }
}
