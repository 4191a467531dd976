package org.tactgate.inspect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tactgate.inspect.model.Audience;
import org.tactgate.inspect.model.Passage;
import org.tactgate.inspect.model.ReaderExamples;
import org.tactgate.inspect.model.ReaderModel;
import org.tactgate.mime.TextBlock;

/**
 * Decides what the learned reader reads in a message and reads it: only sentences that point at a
 * customer (a name, a role, a pronoun resolved to one) or, in mail To a customer, the author's
 * sentences that address "you" — real mail has a median of one such sentence. At most
 * {@code budget} passages per message, the author's own text first, so a 300-line quoted thread
 * costs the same as a short reply; passages seen before (quoted history repeats down a thread)
 * come from a bounded cache. Thread-safe.
 */
public final class LearnedReader {
    private static final Set<String> YOU = Set.of("you", "your", "you're", "yours", "yourself", "u", "ur");
    /** "You" as the model was trained to see it marked (src/train/wordpiece.py, normalise_mentions). */
    private static final Pattern YOU_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?i:you|your|yours|yourself|yourselves)(?![\\p{L}\\p{N}])");
    private static final Pattern YOU_FORMAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(Sie|Ihnen|Ihr|Ihre|usted|ustedes|Usted|Ustedes|vous|Vous)(?![\\p{L}\\p{N}])");
    private static final int CACHE = 4096;
    private static final int MIN_WORDS = 3;

    private final ReaderModel model;
    private final int budget;
    private final double disparageAt;
    private final double abuseAt;
    private final Map<Passage, ReaderModel.Scores> cache;

    /**
     * @param budget      most passages read per message
     * @param disparageAt probability at or above which a passage speaks ill of the customer
     * @param abuseAt     probability at or above which a passage shames or insults its reader
     */
    public LearnedReader(ReaderModel model, int budget, double disparageAt, double abuseAt) {
        this(model, budget, disparageAt, abuseAt, CACHE);
    }

    /** @param cached most passages remembered (0: none, for measuring the model's own cost) */
    public LearnedReader(ReaderModel model, int budget, double disparageAt, double abuseAt, int cached) {
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Passage, ReaderModel.Scores> eldest) {
                return size() > cached;
            }
        });
        this.model = model;
        this.budget = budget;
        this.disparageAt = disparageAt;
        this.abuseAt = abuseAt;
    }

    /**
     * The reader's verdict on one sentence: the finding's score, the probability behind it, and
     * the training passages it reads like (so the person it stops sees why).
     */
    record Judged(double score, double probability, double threshold, List<String> readsLike) {
        String because(String what) {
            String base = String.format(java.util.Locale.ROOT, "the learned reader judged this to %s (p=%.2f, threshold %.2f)",
                    what, probability, threshold);
            return readsLike.isEmpty() ? base : base + "; reads like: " + String.join(" / ", readsLike);
        }
    }

    /** How many training passages a finding quotes, and how much of each. */
    private static final int LIKE = 2;
    private static final int LIKE_CHARS = 110;

    /** Sentences the reader judged to speak ill of a customer. */
    Map<SentenceView, Judged> disparaging(MessageView view) {
        return above(view, disparageAt, ReaderModel.Scores::disparage, "disparage");
    }

    /** Sentences the reader judged to shame, blame or insult their reader. */
    Map<SentenceView, Judged> abusive(MessageView view) {
        return above(view, abuseAt, ReaderModel.Scores::abuse, "abuse");
    }

    /**
     * The reader's own threshold decides; the finding's score says how far past it the passage
     * went, from 0.6 (just over: still past every detector's default threshold) to 0.99.
     */
    private static Map<SentenceView, Judged> above(MessageView view, double at,
                                                   java.util.function.ToDoubleFunction<ReaderModel.Scores> head,
                                                   String headName) {
        Map<SentenceView, Judged> out = new LinkedHashMap<>();
        Map<SentenceView, ReaderModel.Scores> read = view.reading();
        for (SentenceView s : view.sentences()) {
            ReaderModel.Scores scores = read.get(s);
            double p = scores == null ? 0 : head.applyAsDouble(scores);
            if (scores != null && p >= at) {
                double past = (p - at) / Math.max(1e-6, 1 - at);
                List<String> like = examples().nearest(passage(view, s), headName, LIKE).stream()
                        .map(e -> "\"" + clip(e.text()) + "\"").toList();
                out.put(s, new Judged(Math.round((0.6 + 0.39 * past) * 100) / 100.0, p, at, like));
            }
        }
        return out;
    }

    /**
     * The committed model with the thresholds its manifest chose. Loaded once per process: every
     * inspector shares it (the session is thread-safe and costs tens of MB).
     *
     * @param abuse whether the abuse head reports at all: on real mail it still takes ordinary
     *              second-person sentences ("What do you think?") for reproach (README, figures)
     */
    public static LearnedReader standard(int budget, boolean abuse) {
        return standard(budget, abuse, CACHE);
    }

    /** As {@link #standard(int, boolean)}, remembering at most {@code cached} passages. */
    public static LearnedReader standard(int budget, boolean abuse, int cached) {
        return standard(budget, abuse, cached, java.util.OptionalDouble.empty());
    }

    /**
     * As {@link #standard(int, boolean, int)}, with the site's own disparage threshold when one is
     * given ({@code inspect.reader.threshold}): the manifest's was chosen for 1 % false positives
     * per passage, and a site may weigh a false hold differently (README, Detection figures).
     */
    public static LearnedReader standard(int budget, boolean abuse, int cached, java.util.OptionalDouble disparageAt) {
        ReaderModel model = shared();
        return new LearnedReader(model, budget, disparageAt.orElse(model.manifest().disparageThreshold()),
                abuse ? model.manifest().abuseThreshold() : NEVER, cached);
    }

    /** What the readers of this process have cost so far: passages scored by the model or found in a cache. */
    public record Cost(long scored, long cached, long modelNanos) {
    }

    private static final java.util.concurrent.atomic.LongAdder SCORED = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder CACHED = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder MODEL_NANOS = new java.util.concurrent.atomic.LongAdder();

    /** Process-wide: every reader shares one model, and an admin asks what the model costs, not one reader. */
    public static Cost cost() {
        return new Cost(SCORED.sum(), CACHED.sum(), MODEL_NANOS.sum());
    }

    /** A threshold no probability reaches. */
    private static final double NEVER = 2.0;

    private static ReaderModel shared;
    private static ReaderExamples examples;

    private static synchronized ReaderExamples examples() {
        if (examples == null) {
            examples = ReaderExamples.load();
        }
        return examples;
    }

    private static String clip(String text) {
        return text.length() <= LIKE_CHARS ? text : text.substring(0, LIKE_CHARS - 1).strip() + "…";
    }

    private static synchronized ReaderModel shared() {
        if (shared == null) {
            shared = ReaderModel.load();
        }
        return shared;
    }

    /**
     * The sentences a reader with this budget reads in a message, in reading order (the author's text first).
     *
     * @param secondPerson whether sentences that only address "you" are read: they matter to the
     *                     abuse head alone, so with that head off they are not worth their cost
     *                     (in mail To a customer they are most of what is written)
     */
    static List<SentenceView> chosen(MessageView view, int budget, boolean secondPerson) {
        List<SentenceView> chosen = new ArrayList<>();
        for (boolean author : new boolean[] {true, false}) {
            for (SentenceView s : view.sentences()) {
                if (chosen.size() < budget && (s.block().kind() == TextBlock.Kind.AUTHOR) == author
                        && worthReading(view, s, secondPerson)) {
                    chosen.add(s);
                }
            }
        }
        return chosen;
    }

    /** What the reader said of each sentence it read. */
    Map<SentenceView, ReaderModel.Scores> read(MessageView view) {
        List<SentenceView> chosen = chosen(view, budget, abuseAt <= 1);
        Map<SentenceView, ReaderModel.Scores> out = new IdentityHashMap<>();
        List<Passage> unseen = new ArrayList<>();
        List<SentenceView> unseenFor = new ArrayList<>();
        for (SentenceView s : chosen) {
            Passage p = passage(view, s);
            ReaderModel.Scores known = cache.get(p);
            if (known != null) {
                out.put(s, known);
            } else {
                unseen.add(p);
                unseenFor.add(s);
            }
        }
        CACHED.add(chosen.size() - unseen.size());
        long started = System.nanoTime();
        List<ReaderModel.Scores> scores = model.score(unseen);
        if (!unseen.isEmpty()) {
            MODEL_NANOS.add(System.nanoTime() - started);
            SCORED.add(unseen.size());
        }
        for (int i = 0; i < unseen.size(); i++) {
            cache.put(unseen.get(i), scores.get(i));
            out.put(unseenFor.get(i), scores.get(i));
        }
        return out;
    }

    private static boolean worthReading(MessageView view, SentenceView s, boolean secondPerson) {
        return (s.hasTarget() || secondPerson && addressesTheReader(view, s)) && saysSomething(s) && !quotation(s);
    }

    /**
     * A sentence that is one quotation from end to end ("\"Some people will vote against
     * anything.\"") reports someone's words: a politician in the news, a customer's own complaint.
     */
    private static boolean quotation(SentenceView s) {
        String t = s.sentence().text().strip();
        return t.length() > 2 && OPENING.indexOf(t.charAt(0)) >= 0 && CLOSING.indexOf(t.charAt(t.length() - 1)) >= 0
                && t.chars().filter(c -> OPENING.indexOf(c) >= 0 || CLOSING.indexOf(c) >= 0).count() <= 2;
    }

    private static final String OPENING = "\"“«„";
    private static final String CLOSING = "\"”»“";

    /**
     * At least {@value #MIN_WORDS} words besides the customer and "you": "Dear Mr Aasen,", "Hi
     * Amrita," and "Thanks, Joan" say nothing about anyone, and a model shown little but a name
     * guesses from the name.
     */
    private static boolean saysSomething(SentenceView s) {
        Tokens t = s.tokens();
        boolean[] mention = new boolean[t.size()];
        for (Target target : s.targets()) {
            for (int i = Math.max(0, target.start()); i < Math.min(t.size(), target.end()); i++) {
                mention[i] = true;
            }
        }
        int words = 0;
        for (int i = 0; i < t.size(); i++) {
            if (!mention[i] && !YOU.contains(t.word(i))) {
                words++;
            }
        }
        return words >= MIN_WORDS;
    }

    private static boolean addressesTheReader(MessageView view, SentenceView s) {
        if (s.block().kind() != TextBlock.Kind.AUTHOR || !view.addressedToCustomer()) {
            return false;
        }
        Tokens t = s.tokens();
        for (int i = 0; i < t.size(); i++) {
            if (YOU.contains(t.word(i))) {
                return true;
            }
        }
        return false;
    }

    /** The audience the words were written for: quoted history was written among colleagues. */
    static Audience audience(MessageView view, SentenceView s) {
        if (s.block().kind() == TextBlock.Kind.QUOTED) {
            return Audience.INTERNAL;
        }
        if (view.addressedToCustomer()) {
            return Audience.CUSTOMER;
        }
        return view.copiedCustomers().isEmpty() ? Audience.INTERNAL : Audience.INTERNAL_CC;
    }

    static Passage passage(MessageView view, SentenceView s) {
        Audience audience = audience(view, s);
        String text = s.sentence().text();
        List<String> mentions = new ArrayList<>();
        for (Target t : s.targets()) {
            surface(text, s.tokens(), t).ifPresent(mentions::add);
        }
        if (audience == Audience.CUSTOMER) {
            for (Pattern you : List.of(YOU_WORD, YOU_FORMAL)) {
                Matcher m = you.matcher(text);
                while (m.find()) {
                    mentions.add(m.group());
                }
            }
        }
        return new Passage(audience, text, mentions.stream().distinct().toList());
    }

    /** The words of a target as written in the sentence ("Brightwater's" for "brightwater 's"). */
    private static Optional<String> surface(String text, Tokens tokens, Target t) {
        StringBuilder regex = new StringBuilder("(?iu)(?<![\\p{L}\\p{N}])");
        for (int i = t.start(); i < t.end(); i++) {
            String w = tokens.word(i);
            if (i > t.start()) {
                regex.append(w.startsWith("'") || w.equals("n't") ? "" : "[^\\p{L}\\p{N}]+");
            }
            for (char c : w.toCharArray()) {
                regex.append(c == '\'' ? "['’]" : Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            }
        }
        regex.append("(?![\\p{L}\\p{N}])");
        Matcher m = Pattern.compile(regex.toString()).matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
