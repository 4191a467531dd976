package org.tactgate.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates a text body into the author's own words, quoted or forwarded history (with its
 * author when an attribution line or forwarded header names one) and signatures.
 *
 * <p>Recognised history: {@code > } quoting with an optional "On … wrote:" attribution, Outlook
 * "-----Original Message-----" and bare "From: … / Sent: …" header blocks, "Forwarded message"
 * separators (Gmail, Apple Mail, Lotus Notes "Forwarded by"). Each history block is split again,
 * so a quote inside a quote gets its own author and depth.
 *
 * <p>SECURITY: input is untrusted text; work is linear in its length and recursion is bounded.
 */
final class HistorySplitter {
    private static final int MAX_DEPTH = 8;
    private static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*(-{2,}\\s*(original message|forwarded message|forwarded by .*|weitergeleitete nachricht)\\s*-*.*"
                    + "|begin forwarded message:?|_{10,})\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile(
            "^\\s*\\*?(from|sent|date|to|cc|bcc|subject|reply-to)\\*?:\\s*.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM = Pattern.compile("^\\s*\\*?from\\*?:\\s*(.*)", Pattern.CASE_INSENSITIVE);
    /** "wrote:" in the languages the detectors read (French puts a space before the colon). */
    private static final Pattern WROTE = Pattern.compile(
            "(?<!\\p{L})(wrote|writes|schrieb|escribió|escribio|escreveu|a écrit|a ecrit|ha scritto|schreef)\\s?:\\s*$"
                    + "|(?<!\\p{L})schreef .*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The opening of an attribution: "On Mon…", "Am 3. März…", "El jue…", "Le lun…", "Em…", "Il…", "Op…". */
    private static final Pattern ON = Pattern.compile("^\\s*(>\\s*)*(on|am|el|le|em|il|op)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTES_DATE = Pattern.compile(
            "(^|\\s)\\d{1,2}/\\d{1,2}/\\d{2,4}\\s+\\d{1,2}:\\d{2}(:\\d{2})?\\s*([AaPp][Mm])?\\s*$");
    private static final Pattern UP_TO_WROTE_OR_FROM = Pattern.compile("(?i)^.*\\b(?:wrote\\b|from:)");
    private static final Pattern NAME_PUNCTUATION = Pattern.compile("[<\"'(\\[]");
    /** An attribution's date and time ("On Mon, Mar 3, 2024 at 2:14 PM"), which is never part of the name. */
    private static final Pattern UP_TO_TIME =
            Pattern.compile("(?i)^.*\\b\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:\\s*[ap]\\.?m\\.?(?=\\s|$))?");

    private HistorySplitter() {
    }

    static List<TextBlock> split(String text) {
        List<TextBlock> out = new ArrayList<>();
        split(lines(text), 0, Optional.empty(), out);
        return out;
    }

    private static void split(List<String> lines, int depth, Optional<Address> author, List<TextBlock> out) {
        int i = 0;
        int n = lines.size();
        int own = 0;
        while (i < n) {
            String line = lines.get(i);
            if (depth < MAX_DEPTH && isQuoted(line)) {
                int attribution = attributionStart(lines, own, i);
                emitOwn(lines.subList(own, attribution), depth, author, out);
                Optional<Address> quoteAuthor = addressIn(String.join(" ", lines.subList(attribution, i)));
                int end = i;
                List<String> inner = new ArrayList<>();
                while (end < n && (isQuoted(lines.get(end)) || lines.get(end).isBlank() && end + 1 < n && isQuoted(lines.get(end + 1)))) {
                    inner.add(unquote(lines.get(end)));
                    end++;
                }
                split(inner, depth + 1, quoteAuthor, out);
                i = end;
                own = end;
            } else if (depth < MAX_DEPTH && attributionEnd(lines, i) >= 0) {
                // Apple Mail puts "On …, X wrote:" inside the quote, above the text it attributes
                int end = attributionEnd(lines, i);
                emitOwn(lines.subList(own, i), depth, author, out);
                Optional<Address> quoteAuthor = addressIn(String.join(" ", lines.subList(i, end + 1)));
                // at the top of an unattributed quote it names that quote's author: same depth
                boolean opensQuote = depth > 0 && author.isEmpty()
                        && lines.subList(own, i).stream().allMatch(String::isBlank);
                split(lines.subList(end + 1, n), opensQuote ? depth : depth + 1, quoteAuthor, out);
                return;
            } else if (depth < MAX_DEPTH && (isSeparator(line) || startsHeaderBlock(lines, i))) {
                emitOwn(lines.subList(own, i), depth, author, out);
                int j = isSeparator(line) ? i + 1 : i;
                Optional<Address> from = Optional.empty();
                int headerLines = 0;
                while (j < n && (lines.get(j).isBlank() && headerLines == 0 || isHeaderish(lines.get(j), headerLines))) {
                    Matcher m = FROM.matcher(lines.get(j));
                    if (m.matches() && from.isEmpty()) {
                        from = addressIn(m.group(1));
                    }
                    if (!lines.get(j).isBlank()) {
                        headerLines++;
                    }
                    j++;
                }
                if (from.isEmpty()) {
                    from = addressIn(line);
                }
                split(lines.subList(j, n), depth + 1, from, out);
                return;
            } else {
                i++;
            }
        }
        emitOwn(lines.subList(own, n), depth, author, out);
    }

    /** Header lines of a forwarded block; Lotus Notes adds a name and a date line before "To:". */
    private static boolean isHeaderish(String line, int seen) {
        if (HEADER.matcher(line).matches()) {
            return true;
        }
        // continuation of a folded header (indented) or the Notes "Name / date" preamble
        return !line.isBlank() && (line.startsWith(" ") || line.startsWith("\t") || seen < 2 && line.length() < 60);
    }

    private static boolean startsHeaderBlock(List<String> lines, int i) {
        String line = lines.get(i);
        char last = line.isEmpty() ? ' ' : line.charAt(line.length() - 1);
        boolean datedLine = (Character.isDigit(last) || last == 'M' || last == 'm') && line.indexOf('/') >= 0;
        if (datedLine && NOTES_DATE.matcher(line).find()) {
            // Lotus Notes: "Name" / "07/09/2001 07:14 PM" / "To: ..." without a separator
            for (int k = i + 1; k < Math.min(lines.size(), i + 3); k++) {
                if (lines.get(k).stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("to:")) {
                    return true;
                }
            }
            return false;
        }
        if (!startsWithIgnoreCase(line, "from:") && !startsWithIgnoreCase(line, "*from:") || !FROM.matcher(line).matches()) {
            return false;
        }
        for (int k = i + 1; k < Math.min(lines.size(), i + 5); k++) {
            String l = lines.get(k).stripLeading().toLowerCase(java.util.Locale.ROOT);
            if (l.startsWith("sent:") || l.startsWith("date:") || l.startsWith("*sent:*") || l.startsWith("subject:")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The last line of an "On … wrote:" attribution starting at {@code i} whose text follows
     * unquoted, or -1 (quoted text after an attribution is handled with the quote).
     */
    private static int attributionEnd(List<String> lines, int i) {
        if (!startsWithIgnoreCase(lines.get(i), "on ") || !ON.matcher(lines.get(i)).matches()) {
            return -1;
        }
        for (int k = i; k < Math.min(lines.size(), i + 3); k++) {
            if (WROTE.matcher(lines.get(k)).find()) {
                int next = k + 1;
                while (next < lines.size() && lines.get(next).isBlank()) {
                    next++;
                }
                return next < lines.size() && !isQuoted(lines.get(next)) ? k : -1;
            }
        }
        return -1;
    }

    /** The first line of an "On … wrote:" attribution just above a quote, or {@code quote} if none. */
    private static int attributionStart(List<String> lines, int floor, int quote) {
        int k = quote - 1;
        while (k >= floor && lines.get(k).isBlank()) {
            k--;
        }
        if (k < floor || !WROTE.matcher(lines.get(k)).find()) {
            return quote;
        }
        for (int up = k; up >= Math.max(floor, k - 3); up--) {
            if (ON.matcher(lines.get(up)).matches()) {
                return up;
            }
        }
        // "El jue, 6 jun 2024 a las 20:12, Héctor <hector@…>" / "escribió:": a mail client wrapped
        // the attribution, and its address is on the line above "wrote"
        if (k > floor && !lines.get(k).contains("@") && lines.get(k - 1).contains("@") && !isQuoted(lines.get(k - 1))) {
            return k - 1;
        }
        return k;
    }

    private static void emitOwn(List<String> lines, int depth, Optional<Address> author, List<TextBlock> out) {
        int sig = SignatureFinder.start(lines);
        String body = String.join("\n", lines.subList(0, sig)).strip();
        TextBlock.Kind kind = depth == 0 ? TextBlock.Kind.AUTHOR : TextBlock.Kind.QUOTED;
        if (!body.isEmpty()) {
            out.add(new TextBlock(kind, body, depth == 0 ? Optional.empty() : author, depth, SentenceSplitter.split(body)));
        }
        String signature = String.join("\n", lines.subList(sig, lines.size())).strip();
        if (!signature.isEmpty()) {
            out.add(new TextBlock(TextBlock.Kind.SIGNATURE, signature, author, depth, SentenceSplitter.split(signature)));
        }
    }

    static Optional<Address> addressIn(String text) {
        int[] email = EmailFinder.find(text);
        if (email == null) {
            return Optional.empty();
        }
        String before = UP_TO_TIME.matcher(UP_TO_WROTE_OR_FROM.matcher(text.substring(0, email[0])).replaceAll(""))
                .replaceAll("");
        int comma = before.lastIndexOf(',');
        String name = NAME_PUNCTUATION.matcher(comma >= 0 ? before.substring(comma + 1) : before).replaceAll(" ").strip();
        return Optional.of(new Address(text.substring(email[0], email[1]), name));
    }

    private static boolean isSeparator(String line) {
        String l = line.stripLeading();
        return !l.isEmpty() && "-_bB".indexOf(l.charAt(0)) >= 0 && SEPARATOR.matcher(line).matches();
    }

    private static boolean startsWithIgnoreCase(String line, String prefix) {
        String l = line.stripLeading();
        return l.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }

    private static String unquote(String line) {
        String l = line.stripLeading();
        if (!l.startsWith(">")) {
            return line;
        }
        l = l.substring(1);
        return l.startsWith(" ") ? l.substring(1) : l;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(strip(text.substring(start, i)));
                start = i + 1;
            }
        }
        out.add(strip(text.substring(start)));
        return out;
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
