package org.tactgate.inspect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Word lists and patterns the detectors read, by category (the file name without {@code .txt}).
 * The built-in files are listed in {@code lexicon/index.txt} on the classpath; a site folder
 * ({@code inspect.lexicons}) adds entries to the same categories. Format: docs/lexicons.md.
 * Immutable after loading and thread-safe.
 */
public final class Lexicon {
    /** Categories of adjectives, whose entries list their comparatives and take no plural or tense. */
    private static final Set<String> UNINFLECTED = Set.of("person-adjectives");

    private static final String BASE = "lexicon/";
    private static final Pattern WEIGHT = Pattern.compile("^(.*?)\\s*\\|\\s*([0-9]*\\.?[0-9]+)\\s*$");

    /**
     * A regular expression entry, matched against the lower-cased sentence text. {@code anchors}
     * is literal text every match contains (see {@link RegexAnchors}): each inner list is one
     * requirement, met when the text contains any of its strings. It is checked first because
     * {@code String.contains} is far cheaper than running the pattern on every sentence.
     */
    public record Rule(Pattern pattern, double weight, String source, List<List<String>> anchors, int[][] literalIds) {

        /** The match in {@code lowerText}, if any. */
        public Optional<Matcher> find(String lowerText) {
            if (!mayMatch(lowerText)) {
                return Optional.empty();
            }
            Matcher m = pattern.matcher(lowerText);
            return m.find() ? Optional.of(m) : Optional.empty();
        }

        /** The match in the sentence, if any; its literals were found once for every rule. */
        public Optional<Matcher> find(SentenceView s) {
            if (!mayMatch(s.literals())) {
                return Optional.empty();
            }
            Matcher m = pattern.matcher(s.lower());
            return m.find() ? Optional.of(m) : Optional.empty();
        }

        boolean mayMatch(Literals found) {
            for (int[] anyOf : literalIds) {
                boolean present = false;
                for (int k = 0; k < anyOf.length && !present; k++) {
                    present = found.has(anyOf[k]);
                }
                if (!present) {
                    return false;
                }
            }
            return true;
        }

        /** False when some literal every match contains is missing: the pattern cannot match. */
        boolean mayMatch(String lowerText) {
            for (int i = 0; i < anchors.size(); i++) {
                List<String> anyOf = anchors.get(i);
                boolean found = false;
                for (int k = 0; k < anyOf.size() && !found; k++) {
                    found = lowerText.contains(anyOf.get(k));
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Everything one category holds.
     *
     * @param id index of the category in this lexicon, for {@link PhraseHits#of(Category)}
     */
    public record Category(int id, PhraseMatcher<Double> phrases, List<Rule> rules, List<String> words) {
    }

    /** A phrase of the merged matcher: which category it belongs to, and the category's own phrase. */
    record Tagged(int category, PhraseMatcher.Phrase<Double> phrase) {
    }

    private final Map<String, Category> categories;
    /** Every phrase of every category in one matcher: one pass over a sentence finds them all. */
    private final PhraseMatcher<Tagged> everyPhrase;
    /** Every literal of every pattern in one automaton: one pass over a sentence finds them all. */
    private final LiteralIndex literals;

    private Lexicon(Map<String, Category> categories, PhraseMatcher<Tagged> everyPhrase, LiteralIndex literals) {
        this.categories = Map.copyOf(categories);
        this.everyPhrase = everyPhrase;
        this.literals = literals;
    }

    /** The built-in lexicon plus every {@code *.txt} file in {@code siteFolder}, when given. */
    public static Lexicon load(Optional<Path> siteFolder) {
        Map<String, List<String[]>> raw = new HashMap<>();
        for (String name : builtInNames()) {
            try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(BASE + name)) {
                if (in == null) {
                    throw new IllegalStateException("lexicon file missing from the classpath: " + name);
                }
                read(name, new InputStreamReader(in, StandardCharsets.UTF_8), raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (siteFolder.isPresent()) {
            try (Stream<Path> files = Files.list(siteFolder.get())) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    read(f.getFileName().toString(), Files.newBufferedReader(f, StandardCharsets.UTF_8), raw);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read lexicon folder " + siteFolder.get(), e);
            }
        }
        Map<String, Category> categories = new HashMap<>();
        List<PhraseMatcher.Phrase<Tagged>> tagged = new ArrayList<>();
        LiteralIndex.Builder literals = new LiteralIndex.Builder();
        for (String name : raw.keySet().stream().sorted().toList()) {
            Category c = compile(categories.size(), raw.get(name), literals);
            categories.put(name, c);
            // plurals and tenses find the entry as written (its weight, its text in the evidence);
            // adjectives have neither: "mean" inflected as a verb would find "what he means"
            boolean inflected = !UNINFLECTED.contains(name);
            for (PhraseMatcher.Phrase<Double> p : c.phrases().phrases()) {
                tagged.add(new PhraseMatcher.Phrase<>(p.text(), new Tagged(c.id(), p), p.caseSensitive()));
                for (String form : inflected ? WordForms.variants(p.text()) : Set.<String>of()) {
                    tagged.add(new PhraseMatcher.Phrase<>(form, new Tagged(c.id(), p), p.caseSensitive()));
                }
            }
        }
        return new Lexicon(categories, new PhraseMatcher<>(tagged), literals.build());
    }

    /** Every pattern literal in {@code lowerText}, found in one pass. */
    public Literals literals(String lowerText) {
        return literals.scan(lowerText);
    }

    /** Every phrase of every category in {@code tokens}, found in one pass. */
    public PhraseHits scan(Tokens tokens) {
        return PhraseHits.of(everyPhrase.find(tokens), categories.size());
    }

    public Category category(String name) {
        Category c = categories.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no lexicon category '" + name + "'");
        }
        return c;
    }

    /** The highest weight of the category's rules matching {@code lowerText}, with the match. */
    public static Optional<RuleHit> bestRule(Category category, String lowerText) {
        return best(category, r -> r.find(lowerText));
    }

    /** The highest weight of the category's rules matching the sentence, with the match. */
    public static Optional<RuleHit> bestRule(Category category, SentenceView sentence) {
        return best(category, r -> r.find(sentence));
    }

    private static Optional<RuleHit> best(Category category, java.util.function.Function<Rule, Optional<Matcher>> find) {
        RuleHit best = null;
        for (Rule r : category.rules()) {
            if (best != null && r.weight() <= best.rule().weight()) {
                continue;
            }
            Optional<Matcher> m = find.apply(r);
            if (m.isPresent()) {
                best = new RuleHit(r, m.get().start(), m.get().end());
            }
        }
        return Optional.ofNullable(best);
    }

    /** A rule that matched, and where. */
    public record RuleHit(Rule rule, int start, int end) {
    }

    private static List<String> builtInNames() {
        List<String> names = new ArrayList<>();
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(BASE + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("lexicon/index.txt missing from the classpath");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void read(String fileName, Reader reader, Map<String, List<String[]>> raw) throws IOException {
        String category = fileName.replaceFirst("\\.txt$", "");
        List<String[]> lines = raw.computeIfAbsent(category, k -> new ArrayList<>());
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    lines.add(new String[] {l, fileName + ":" + number});
                }
            }
        }
    }

    /**
     * Whether a literal requirement is worth a place in the {@link LiteralIndex}: one whose
     * alternatives include a single letter or a comma ("i", "a") is met by nearly every sentence,
     * and would cost a bit update at nearly every character. Dropping a requirement only lets a
     * pattern run more often; it never hides a match.
     */
    private static boolean worthIndexing(List<String> anyOf) {
        return anyOf.stream().allMatch(a -> a.length() >= 2 || "?\"“”".contains(a));
    }

    private static Category compile(int id, List<String[]> lines, LiteralIndex.Builder literals) {
        List<PhraseMatcher.Phrase<Double>> phrases = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<String> words = new ArrayList<>();
        double defaultWeight = 1.0;
        for (String[] entry : lines) {
            String l = entry[0];
            if (l.startsWith("@weight")) {
                defaultWeight = Double.parseDouble(l.substring("@weight".length()).strip());
                continue;
            }
            double weight = defaultWeight;
            Matcher w = WEIGHT.matcher(l);
            if (w.matches()) {
                l = w.group(1);
                weight = Double.parseDouble(w.group(2));
            }
            if (l.startsWith("re:")) {
                try {
                    String regex = l.substring(3).strip();
                    List<List<String>> anchors = RegexAnchors.of(regex);
                    int[][] ids = anchors.stream().filter(Lexicon::worthIndexing)
                            .map(anyOf -> anyOf.stream().mapToInt(literals::id).toArray()).toArray(int[][]::new);
                    rules.add(new Rule(Pattern.compile(regex), weight, entry[1], anchors, ids));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("bad pattern at " + entry[1] + ": " + e.getDescription(), e);
                }
            } else {
                phrases.add(new PhraseMatcher.Phrase<>(l.toLowerCase(Locale.ROOT), weight, false));
                words.add(l.toLowerCase(Locale.ROOT));
            }
        }
        return new Category(id, new PhraseMatcher<>(phrases), List.copyOf(rules), List.copyOf(words));
    }
}
