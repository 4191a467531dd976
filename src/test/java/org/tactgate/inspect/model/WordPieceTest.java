package org.tactgate.inspect.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java tokenizer gives exactly the ids of the Python reference the model was trained with
 * ({@code src/train/wordpiece.py}); the golden file holds its output for awkward text: accents,
 * German, Spanish and French, emoji, punctuation runs, long words, URLs, control characters.
 */
class WordPieceTest {

    static WordPiece vocab() throws IOException {
        try (InputStream in = WordPieceTest.class.getResourceAsStream("/model/reader-vocab.txt")) {
            return WordPiece.load(in);
        }
    }

    /** TSV cells as {@code tsv_escape} in wordpiece.py writes them. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    int close = s.indexOf('}', i);
                    out.appendCodePoint(Integer.parseInt(s.substring(i + 2, close), 16));
                    i = close;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = WordPieceTest.class.getResourceAsStream(resource)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        }
    }

    @Test
    void givesTheReferenceIdsForEveryGoldenText() throws IOException {
        WordPiece wp = vocab();
        List<String[]> rows = rows("/model/tokenizer-golden.tsv");
        assertThat(rows).hasSizeGreaterThan(100);
        List<String> mismatches = new ArrayList<>();
        for (String[] row : rows) {
            String text = unescape(row[0]);
            List<Integer> want = row[1].isBlank() ? List.of() : Arrays.stream(row[1].trim().split(" ")).map(Integer::valueOf).toList();
            List<Integer> got = wp.encode(text);
            if (!got.equals(want)) {
                mismatches.add(row[0] + "\n  want " + want + "\n  got  " + got);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void cutsUnknownWordsIntoPiecesAndMarksTheUncuttable() throws IOException {
        WordPiece wp = vocab();
        assertThat(wp.encode("unaffable")).hasSizeGreaterThan(1).doesNotContain(wp.id("[UNK]"));
        assertThat(wp.encode("a".repeat(WordPiece.MAX_WORD + 1))).containsExactly(wp.id("[UNK]"));
    }
}
