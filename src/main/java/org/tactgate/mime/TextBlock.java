package org.tactgate.mime;

import java.util.List;
import java.util.Optional;

/**
 * A labelled piece of a message's text: the author's own words, quoted or forwarded history,
 * the signature, a text attachment, or the subject.
 *
 * @param author who wrote this block when the message says so (quote attribution, forwarded
 *               headers); empty for the author's own text and when unknown
 * @param depth  0 for the author's text, 1 for a quote, 2 for a quote inside a quote, …
 */
public record TextBlock(Kind kind, String text, Optional<Address> author, int depth, List<Sentence> sentences) {

    public TextBlock {
        sentences = List.copyOf(sentences);
    }

    /** What a block is; {@link #label()} is the {@code part} name findings use. */
    public enum Kind {
        AUTHOR("body"), QUOTED("quoted"), SIGNATURE("signature"), ATTACHMENT("attachment"), SUBJECT("subject");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
