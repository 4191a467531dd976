package org.tactgate.inspect.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reader's positive training passages ({@code model/reader-examples.tsv}, written by
 * {@code src/train/examples.py}), so that a learned finding can say what it "reads like": the
 * person it stops sees the kind of sentence the model learned to hold, not only a probability.
 *
 * <p>Nearness is TF-IDF cosine over words, customer mentions replaced by one marker: a lexical
 * stand-in for the model's own notion of near (its pooled states are not exported), cheap because
 * it runs only for the rare sentence that already became a finding. Immutable and thread-safe.
 */
public final class ReaderExamples {
    static final String RESOURCE = "/model/reader-examples.tsv";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’]+");
    private static final String MARK = "«customer»";

    /** One training passage, as a reviewer reads it. */
    public record Example(String head, String lang, String text) {
    }

    private record Indexed(Example example, Map<String, Double> vector) {
    }

    private final List<Indexed> examples;
    private final Map<String, Double> idf;

    private ReaderExamples(List<Example> examples) {
        Map<String, Integer> df = new HashMap<>();
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (Example e : examples) {
            Map<String, Integer> tf = termCounts(e.text());
            tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            counts.add(tf);
        }
        this.idf = new HashMap<>();
        df.forEach((t, n) -> idf.put(t, Math.log((1.0 + examples.size()) / (1.0 + n)) + 1));
        List<Indexed> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            out.add(new Indexed(examples.get(i), vector(counts.get(i))));
        }
        this.examples = List.copyOf(out);
    }

    /** The committed list; empty (never an error) when the resource is absent, as in an older build. */
    public static ReaderExamples load() {
        try (InputStream in = ReaderExamples.class.getResourceAsStream(RESOURCE)) {
            return in == null ? new ReaderExamples(List.of()) : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static ReaderExamples read(InputStream in) throws IOException {
        List<Example> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            String[] f = line.split("\t", 3);
            if (!line.startsWith("#") && f.length == 3) {
                out.add(new Example(f[0], f[1], f[2]));
            }
        }
        return new ReaderExamples(out);
    }

    public int size() {
        return examples.size();
    }

    /**
     * The {@code k} examples of {@code head} ("disparage" or "abuse") nearest to the passage, the
     * nearest first; none that share no word with it.
     */
    public List<Example> nearest(Passage passage, String head, int k) {
        Map<String, Double> q = vector(termCounts(marked(passage)));
        if (q.isEmpty()) {
            return List.of();
        }
        record Scored(Example example, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Indexed e : examples) {
            if (!e.example().head().equals(head)) {
                continue;
            }
            double dot = 0;
            for (var t : q.entrySet()) {
                Double w = e.vector().get(t.getKey());
                if (w != null) {
                    dot += w * t.getValue();
                }
            }
            if (dot > 0) {
                scored.add(new Scored(e.example(), dot));
            }
        }
        return scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(k)
                .map(Scored::example).toList();
    }

    /** The passage with its mentions (whole words: "he", not the "he" of "cheap") replaced by the examples' marker. */
    static String marked(Passage p) {
        String text = p.text();
        for (String m : p.mentions()) {
            // as examples.py shows the training lines: names become the marker, pronouns and role
            // nouns ("she", "the client") stay words, so both sides are compared alike
            if (m.isEmpty() || !Character.isUpperCase(m.codePointAt(0))) {
                continue;
            }
            text = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(m) + "(?![\\p{L}\\p{N}])").matcher(text)
                    .replaceAll(java.util.regex.Matcher.quoteReplacement(MARK));
        }
        return text;
    }

    private static Map<String, Integer> termCounts(String text) {
        Map<String, Integer> tf = new HashMap<>();
        var m = WORD.matcher(text.replace(MARK, " ").toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (m.group().length() > 1) {
                tf.merge(m.group(), 1, Integer::sum);
            }
        }
        return tf;
    }

    private Map<String, Double> vector(Map<String, Integer> tf) {
        Map<String, Double> v = new HashMap<>();
        double norm = 0;
        for (var t : tf.entrySet()) {
            double w = (1 + Math.log(t.getValue())) * idf.getOrDefault(t.getKey(), 0.0);
            if (w > 0) {
                v.put(t.getKey(), w);
                norm += w * w;
            }
        }
        double n = Math.sqrt(norm);
        v.replaceAll((t, w) -> w / n);
        return v;
    }
}
