package org.tactgate.inspect.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased tokenizer: clean the text, put spaces around CJK characters, split on white space,
 * lower-case, strip accents, split off punctuation, then cut every word into the longest vocabulary
 * pieces from the left ("##" marks a piece inside a word); a word that cannot be cut, or is longer
 * than {@value #MAX_WORD} characters, becomes {@code [UNK]}. It must give exactly the ids the model
 * was trained on: {@code src/train/wordpiece.py} is the reference, and a golden file checks both.
 *
 * <p>Written here rather than taken from a library: the libraries that do this in Java (DJL's
 * HuggingFace tokenizers) bundle a native Rust library per platform for what is ninety lines.
 */
public final class WordPiece {
    static final int MAX_WORD = 100;

    private final Map<String, Integer> vocab;
    private final int unknown;

    private WordPiece(Map<String, Integer> vocab) {
        this.vocab = vocab;
        Integer unk = vocab.get("[UNK]");
        if (unk == null) {
            throw new IllegalArgumentException("vocabulary has no [UNK]");
        }
        this.unknown = unk;
    }

    /** The vocabulary file: one token per line, the line number (from 0) is its id. */
    public static WordPiece load(InputStream vocabFile) {
        Map<String, Integer> vocab = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(vocabFile, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                vocab.putIfAbsent(line, vocab.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WordPiece(vocab);
    }

    /** The id of a whole token such as {@code [CLS]}; fails when the vocabulary lacks it. */
    public int id(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("token not in the vocabulary: " + token);
        }
        return id;
    }

    /** The ids of {@code text}, without {@code [CLS]}/{@code [SEP]}. */
    public List<Integer> encode(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String word : words(text)) {
            pieces(word, ids);
        }
        return ids;
    }

    /**
     * Basic tokenisation, step by step as {@code src/train/wordpiece.py} documents it: clean,
     * space out CJK, strip accents (NFD, drop non-spacing marks), lower-case code point by code
     * point, split on spaces, and make every punctuation mark a word of its own.
     */
    static List<String> words(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r' || isWhitespace(cp)) {
                clean.append(' ');
            } else if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                return;
            } else if (isCjk(cp)) {
                clean.append(' ').appendCodePoint(cp).append(' ');
            } else {
                clean.appendCodePoint(cp);
            }
        });
        StringBuilder lower = new StringBuilder(clean.length());
        Normalizer.normalize(clean, Normalizer.Form.NFD).codePoints()
                .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(cp -> lower.appendCodePoint(Character.toLowerCase(cp)));
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        lower.codePoints().forEach(cp -> {
            if (cp == ' ') {
                flush(word, out);
            } else if (isPunctuation(cp)) {
                flush(word, out);
                out.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        });
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (!word.isEmpty()) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    private void pieces(String word, List<Integer> ids) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > MAX_WORD) {
            ids.add(unknown);
            return;
        }
        List<Integer> found = new ArrayList<>();
        int start = 0;
        while (start < cps.length) {
            int end = cps.length;
            Integer piece = null;
            while (start < end) {
                String sub = new String(cps, start, end - start);
                piece = vocab.get(start > 0 ? "##" + sub : sub);
                if (piece != null) {
                    break;
                }
                end--;
            }
            if (piece == null) {
                ids.add(unknown);
                return;
            }
            found.add(piece);
            start = end;
        }
        ids.addAll(found);
    }

    private static boolean isWhitespace(int cp) {
        return cp == 0x20 || cp == 0xA0 || cp == 0x1680 || cp >= 0x2000 && cp <= 0x200A || cp == 0x2028
                || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /** Categories Cc, Cf, Cs, Co (unassigned code points are kept, as the reference does). */
    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }

    private static boolean isPunctuation(int cp) {
        if (cp >= 33 && cp <= 47 || cp >= 58 && cp <= 64 || cp >= 91 && cp <= 96 || cp >= 123 && cp <= 126) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isCjk(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x20000 && cp <= 0x2A6DF
                || cp >= 0x2A700 && cp <= 0x2B73F || cp >= 0x2B740 && cp <= 0x2B81F || cp >= 0x2B920 && cp <= 0x2CEAF
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0x2F800 && cp <= 0x2FA1F;
    }
}
