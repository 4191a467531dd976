package org.tactgate.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tactgate.message.Finding;

/**
 * Finds each finding's evidence in the message text, allowing for different line breaks and
 * spacing, and cuts the text into marked and unmarked {@link TextSpan}s. Produces data only:
 * the template escapes every span, so evidence and text never become markup.
 */
final class EvidenceMarks {
    static final int CONTEXT_CHARS = 160;
    private static final int MAX_TOKENS = 80;

    private EvidenceMarks() {
    }

    static List<TextSpan> mark(String text, List<Finding> findings) {
        List<int[]> ranges = new ArrayList<>();
        for (Finding f : findings) {
            locate(text, f.evidence()).ifPresent(ranges::add);
        }
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        List<TextSpan> spans = new ArrayList<>();
        int at = 0;
        for (int[] r : ranges) {
            int start = Math.max(r[0], at);
            if (start >= r[1]) {
                continue; // inside a range already marked
            }
            if (start > at) {
                spans.add(new TextSpan(text.substring(at, start), false));
            }
            spans.add(new TextSpan(text.substring(start, r[1]), true));
            at = r[1];
        }
        if (at < text.length()) {
            spans.add(new TextSpan(text.substring(at), false));
        }
        return spans;
    }

    static List<EvidenceInContext> contexts(String text, List<Finding> findings) {
        List<EvidenceInContext> out = new ArrayList<>();
        for (Finding f : findings) {
            String score = String.format(Locale.ROOT, "%.2f", f.score());
            Optional<int[]> r = locate(text, f.evidence());
            if (r.isEmpty()) {
                out.add(new EvidenceInContext(f.detector(), f.symbol(), score, f.part(), f.reason(), "", f.evidence(), ""));
                continue;
            }
            int from = Math.max(0, r.get()[0] - CONTEXT_CHARS);
            int to = Math.min(text.length(), r.get()[1] + CONTEXT_CHARS);
            out.add(new EvidenceInContext(f.detector(), f.symbol(), score, f.part(), f.reason(),
                    (from > 0 ? "…" : "") + text.substring(from, r.get()[0]),
                    text.substring(r.get()[0], r.get()[1]),
                    text.substring(r.get()[1], to) + (to < text.length() ? "…" : "")));
        }
        return out;
    }

    /** Where the evidence occurs, whitespace- and case-insensitively; empty if it does not. */
    static Optional<int[]> locate(String text, String evidence) {
        String[] tokens = evidence.strip().split("\\s+");
        if (evidence.isBlank() || tokens.length > MAX_TOKENS) {
            return Optional.empty();
        }
        StringBuilder regex = new StringBuilder();
        for (String t : tokens) {
            regex.append(regex.isEmpty() ? "" : "\\s+").append(Pattern.quote(t));
        }
        Matcher m = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        return m.find() ? Optional.of(new int[] {m.start(), m.end()}) : Optional.empty();
    }
}
