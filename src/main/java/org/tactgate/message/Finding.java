package org.tactgate.message;

import java.util.Locale;

/**
 * One thing a detector noticed, with the evidence a person needs to judge it.
 *
 * @param detector the detector that reported it, lower case, e.g. {@code disparagement}: what
 *                 policy rules and thresholds name
 * @param symbol   the sub-rule that fired, e.g. {@code DISP_INSULT}: what a reviewer, the precision
 *                 page and a test name when they say which rule misfired (docs/symbols.md)
 * @param score    0..1, how sure the detector is
 * @param part     where the evidence is: {@code subject}, {@code body}, {@code quoted}, {@code signature}, {@code message}
 * @param evidence the sentence (or header) that fired
 * @param reason   a short human reason
 * @param span     where the evidence sits in the parsed message's text blocks ({@link Span#NONE} when
 *                 it is not a sentence, e.g. a parse failure)
 */
public record Finding(String detector, String symbol, double score, String part, String evidence, String reason,
                      Span span) {

    /** A detector threw on this message: the policy holds it for a person (fail closed). */
    public static final String DETECTION_FAILED = "UNPARSEABLE_DETECTION_FAILED";

    public Finding {
        // findings stored before symbols existed come back without one: the detector stands for it
        symbol = symbol == null || symbol.isBlank() ? detector.toUpperCase(Locale.ROOT).replace('-', '_') : symbol;
        span = span == null ? Span.NONE : span;
    }

    /** A finding of a detector that has no finer sub-rules. */
    public Finding(String detector, double score, String part, String evidence, String reason) {
        this(detector, null, score, part, evidence, reason, Span.NONE);
    }

    /**
     * Character offsets of the evidence in the text of one of the parsed message's blocks.
     *
     * @param block index of the text block (in the parser's order), -1 when unknown
     */
    public record Span(int block, int start, int end) {
        public static final Span NONE = new Span(-1, -1, -1);

        public boolean known() {
            return block >= 0;
        }
    }
}
