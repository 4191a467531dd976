package org.tactgate.inspect;

import org.tactgate.message.Finding;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tactgate.directory.Customer;
import org.tactgate.mime.Address;
import org.tactgate.mime.TextBlock;

/**
 * EXPOSURE: a mail addressed To colleagues only that talks about a customer in the third person
 * while that customer is on Cc or Bcc — talking about them in front of them. A bare mention is
 * not enough: the sentence about them must touch a sensitive topic (money owed, health, pricing
 * tactics, instructions about them), or the mail must disparage someone, or the customer must be
 * the subject of several sentences without having been openly brought in ("I'm copying Joan"). Speaking to the
 * customer (an introduction, "you both") makes it a normal mail.
 *
 * <p>EXPOSURE_QUOTED: the same talk carried to the customer in quoted history — a reply or forward
 * that a customer reads, whose colleagues' part plans about that customer or keeps something from
 * them ("he won't know the difference", "between us", "don't go into detail with him"). The
 * sensitive topics alone do not count there: a customer's own invoice or health quoted back to
 * them is their business.
 */
public final class ExposureDetector implements Detector {
    private static final double SENSITIVE = 0.6;
    private static final double EACH_MORE = 0.08;
    private static final double WITH_DISPARAGEMENT = 0.9;
    /** Several sentences about the copied customer: they are the subject of the mail, not a passing name. */
    private static final double SUSTAINED = 0.55;
    private static final double MENTION = 0.3;
    /** A disparagement finding at least this sure makes the copied customer's exposure certain. */
    private static final double DISPARAGED = 0.5;

    private final Lexicon.Category addressForms;
    private final Lexicon.Category sensitive;
    private final Lexicon.Category hedges;
    private final Lexicon.Category strategy;
    private final Lexicon.Category copyIn;

    public ExposureDetector(Lexicon lexicon) {
        this.addressForms = lexicon.category("address-forms");
        this.sensitive = lexicon.category("sensitive");
        this.hedges = lexicon.category("hedges");
        this.strategy = lexicon.category("strategy");
        this.copyIn = lexicon.category("copy-in");
    }

    @Override
    public String symbol() {
        return "EXPOSURE";
    }

    @Override
    public String description() {
        return "mail To colleagues about a customer, with that customer on Cc/Bcc";
    }

    @Override
    public List<Finding> detect(MessageView view, List<Finding> earlier) {
        if (!view.addressedToColleaguesOnly() || view.copiedCustomers().isEmpty()) {
            return view.travelsToCustomer() ? quotedLeak(view) : List.of();
        }
        Set<Customer> copied = new HashSet<>();
        for (Address a : view.copiedCustomers()) {
            view.customerOf(a).ifPresent(copied::add);
        }
        int touchyCount = 0;
        int aboutCount = 0;
        boolean broughtIn = false;
        SentenceView about = null;
        SentenceView touchy = null;
        for (SentenceView s : view.sentences()) {
            if (s.block().kind() != TextBlock.Kind.AUTHOR) {
                continue;
            }
            if (s.hits().has(addressForms)) {
                return List.of(); // the customer is being spoken to, not about
            }
            boolean third = s.targets().stream().anyMatch(t -> t.customer().map(copied::contains).orElse(false));
            if (!third) {
                continue;
            }
            about = about == null ? s : about;
            aboutCount++;
            broughtIn |= s.hits().has(copyIn);
            // "between us" with the customer copied is exactly what must not reach them
            // and so is a plan about them or a guess at how they will react ("he won't notice")
            if (s.hits().has(sensitive) || s.hits().has(hedges) || Lexicon.bestRule(strategy, s).isPresent()) {
                touchyCount++;
                touchy = touchy == null ? s : touchy;
            }
        }
        boolean disparaged = earlier.stream().anyMatch(f -> f.symbol().startsWith("DISP_") && f.score() >= DISPARAGED);
        Optional<SentenceView> evidence = Optional.ofNullable(touchy != null ? touchy : about);
        if (evidence.isEmpty()) {
            return List.of();
        }
        double score = disparaged ? WITH_DISPARAGEMENT
                : touchyCount > 0 ? Math.min(0.85, SENSITIVE + EACH_MORE * (touchyCount - 1))
                : aboutCount >= 2 && !broughtIn ? SUSTAINED : MENTION;
        String reason = "addressed to colleagues, talks about a customer who is on Cc/Bcc"
                + (disparaged ? ", and disparages" : touchyCount > 0 ? ", on a sensitive topic"
                : aboutCount >= 2 && !broughtIn ? ", in " + aboutCount + " sentences" : "");
        String symbol = disparaged ? "EXPOSURE_DISPARAGED" : touchyCount > 0 ? "EXPOSURE_SENSITIVE"
                : aboutCount >= 2 && !broughtIn ? "EXPOSURE_SUSTAINED" : "EXPOSURE_MENTION";
        return List.of(evidence.get().finding(name(), symbol, DisparagementDetector.round(score), reason));
    }

    private List<Finding> quotedLeak(MessageView view) {
        Set<Customer> readers = view.readingCustomers();
        int leaks = 0;
        SentenceView first = null;
        for (SentenceView s : view.sentences()) {
            if (s.block().kind() != TextBlock.Kind.QUOTED) {
                continue;
            }
            boolean aboutReader = s.targets().stream().anyMatch(t -> t.customer().map(readers::contains).orElse(false));
            if (aboutReader && (Lexicon.bestRule(strategy, s).isPresent() || concealing(s))) {
                leaks++;
                first = first == null ? s : first;
            }
        }
        if (first == null) {
            return List.of();
        }
        double score = Math.min(0.85, SENSITIVE + EACH_MORE * (leaks - 1));
        return List.of(first.finding(name(), "EXPOSURE_QUOTED", DisparagementDetector.round(score),
                "quoted history sent to the customer plans about them or keeps something from them"));
    }

    /** A hedge of more than one word ("between us", "don't tell"): "honestly" alone says nothing. */
    private boolean concealing(SentenceView s) {
        return s.hits().of(hedges).stream().anyMatch(m -> m.end() - m.start() > 1);
    }
}
