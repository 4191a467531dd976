package org.tactgate.inspect.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Passage} into model input: {@code [CLS] AUDIENCE [SEP] passage [SEP]}, at most
 * {@link #MAX_LENGTH} ids, where every occurrence of a mention is wrapped in {@code [unused1]} …
 * {@code [unused2]} so the model knows who the customer is. Mirrors {@code encode} in
 * {@code src/train/wordpiece.py}: mentions match case-sensitively, only on word boundaries, the
 * earliest (then longest) wins an overlap, and the text between is tokenised piece by piece.
 */
public final class PassageEncoder {
    public static final int MAX_LENGTH = 64;

    private final WordPiece wordPiece;
    private final int cls;
    private final int sep;
    private final int open;
    private final int close;
    private final int[] audience;

    public PassageEncoder(WordPiece wordPiece) {
        this.wordPiece = wordPiece;
        this.cls = wordPiece.id("[CLS]");
        this.sep = wordPiece.id("[SEP]");
        this.open = wordPiece.id("[unused1]");
        this.close = wordPiece.id("[unused2]");
        this.audience = new int[Audience.values().length];
        for (Audience a : Audience.values()) {
            audience[a.ordinal()] = wordPiece.id(a.token());
        }
    }

    public long[] encode(Passage p) {
        String text = p.text();
        List<Integer> body = new ArrayList<>();
        int pos = 0;
        for (int[] span : MentionSpans.of(text, p.mentions())) {
            body.addAll(wordPiece.encode(text.substring(pos, span[0])));
            body.add(open);
            body.addAll(wordPiece.encode(text.substring(span[0], span[1])));
            body.add(close);
            pos = span[1];
        }
        body.addAll(wordPiece.encode(text.substring(pos)));
        int keep = Math.min(body.size(), MAX_LENGTH - 4);
        long[] ids = new long[keep + 4];
        ids[0] = cls;
        ids[1] = audience[p.audience().ordinal()];
        ids[2] = sep;
        for (int i = 0; i < keep; i++) {
            ids[3 + i] = body.get(i);
        }
        ids[keep + 3] = sep;
        return ids;
    }
}
