package org.tactgate.inspect;

import java.util.List;
import org.tactgate.message.Finding;
import org.tactgate.mime.Sentence;
import org.tactgate.mime.TextBlock;

/**
 * One sentence prepared for the detectors: tokens, lower-cased text for patterns, every lexicon
 * phrase in it, and the customers it refers to (names, role nouns, resolved pronouns).
 *
 * @param blockIndex the block's index in the parsed message (for the finding's span)
 * @param lower lower-cased text with typographic apostrophes made plain
 * @param hits  every lexicon phrase found in the tokens, by category
 * @param literals every lexicon pattern literal in {@code lower}
 * @param other whether it names someone who is not a customer (staff, a supplier, a system)
 */
public record SentenceView(TextBlock block, int blockIndex, Sentence sentence, Tokens tokens, String lower,
                           PhraseHits hits, Literals literals, List<Target> targets, boolean other) {

    public SentenceView {
        targets = List.copyOf(targets);
    }

    public boolean hasTarget() {
        return !targets.isEmpty();
    }

    public boolean hasStrongTarget() {
        for (Target t : targets) {
            if (t.strong() && t.kind() != Target.Kind.PRONOUN) {
                return true;
            }
        }
        return false;
    }

    /** Where this sentence sits in the parsed message. */
    public Finding.Span span() {
        return new Finding.Span(blockIndex, sentence.start(), sentence.end());
    }

    /** A finding whose evidence is this sentence. */
    public Finding finding(String detector, String symbol, double score, String reason) {
        return new Finding(detector, symbol, score, part(), sentence.text(), reason, span());
    }

    public String part() {
        return block.kind().label();
    }
}
