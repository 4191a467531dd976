package org.tactgate.mime;

/**
 * One sentence of a {@link TextBlock}, with its offsets in the block's text.
 *
 * @param paragraph index of the paragraph (blank-line separated) the sentence belongs to
 */
public record Sentence(String text, int start, int end, int paragraph) {
}
