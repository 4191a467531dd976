package org.tactgate.inspect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Ordinary words of the seven languages the detectors read, and the names that are also words:
 * what tells the epithet "Mr Last Minute" from the surname in "Mr Pemberton" ({@link Epithets}).
 * The word lists (1.5 million forms, {@code words/common-words.txt.gz} and
 * {@code more-words.txt.gz}, built by {@code src/train/common_words.py} from the sources in
 * {@code words/NOTICE.md}) are held as sorted 64-bit hashes — 12 MB instead of ~150 MB of
 * strings — and read once per process, when the first inspector is built. Words are compared
 * folded ({@link Nicknames#fold}). Thread-safe.
 */
final class CommonWords {
    /** From word-game lists and Hunspell's lower-case stems: words, never names. */
    private static final long[] WORDS = hashes("/words/common-words.txt.gz");
    /** From lists gathered from subtitles (German, Italian, Portuguese): mostly words, some names. */
    private static final long[] MORE = hashes("/words/more-words.txt.gz");
    private static final Set<String> GIVEN = names("/words/given-names.txt");
    /** Given names and surnames that are also words ("Baker", "Koch", "Ribeiro", "Rose"). */
    private static final Set<String> NAMES = union(GIVEN, names("/words/surname-words.txt"));

    private CommonWords() {
    }

    /** Reads the lists now (class initialisation), so that no message waits for them. */
    static void warm() {
        // nothing to do: calling any static method has initialised the class
    }

    /** Whether the folded word is an ordinary word of one of the languages and no one's name. */
    static boolean word(String folded) {
        return !NAMES.contains(folded) && Arrays.binarySearch(WORDS, hash(folded)) >= 0;
    }

    /** As {@link #word}, also taking the less certain lists: good for a part of a longer phrase. */
    static boolean likelyWord(String folded) {
        return word(folded) || !NAMES.contains(folded) && Arrays.binarySearch(MORE, hash(folded)) >= 0;
    }

    /** Whether the folded word is a common given name or a surname that is also a word. */
    static boolean name(String folded) {
        return NAMES.contains(folded);
    }

    /** Whether the folded word is a common given name ("anna", "chidi", "jürgen" as "jurgen"). */
    static boolean givenName(String folded) {
        return GIVEN.contains(folded);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    /** 64-bit FNV-1a: collisions among 1.5 million words are vanishingly rare. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The hashes of a gzipped list's lines, sorted for binary search. */
    private static long[] hashes(String resource) {
        try (BufferedReader in = open(resource, true)) {
            long[] out = new long[1 << 21];
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = hash(line);
                }
            }
            long[] words = Arrays.copyOf(out, n);
            Arrays.sort(words);
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A plain list's entries, folded; "#" starts a comment line. */
    private static Set<String> names(String resource) {
        Set<String> out = new HashSet<>();
        try (BufferedReader in = open(resource, false)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    out.add(Nicknames.fold(w));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Set.copyOf(out);
    }

    private static BufferedReader open(String resource, boolean gzip) throws IOException {
        InputStream raw = CommonWords.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(raw, 1 << 16) : raw,
                StandardCharsets.UTF_8), 1 << 16);
    }
}
