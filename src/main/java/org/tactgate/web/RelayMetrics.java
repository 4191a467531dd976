package org.tactgate.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.tactgate.hold.HoldEvents;
import org.tactgate.message.Verdict;
import org.tactgate.store.Hold;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;

/**
 * The relay's meters, exported at {@code /metrics}. Intake, the pipeline, delivery and the hold
 * desk call the methods below as things happen; the gauges read the store when scraped (at most
 * once per {@link #GAUGE_TTL}, so a busy scraper does not load the database).
 *
 * <p>Every series of a known label value (each verdict, detector, failure kind, delivery result,
 * hold action, deadline outcome and reload result) is registered at zero here, so a dashboard and an alert rule
 * see it before its first event: Prometheus cannot tell a series that is absent from one that was
 * never scraped, and {@code rate()} over a series that appears mid-range misses its first event.
 *
 * <p>Names (Prometheus form): {@code tactgate_smtp_sessions_total},
 * {@code tactgate_messages_judged_total{verdict}}, {@code tactgate_detector_hits_total{detector}},
 * {@code tactgate_queue_depth}, {@code tactgate_stored_messages{state}},
 * {@code tactgate_delivery_seconds{result}} (count, sum, max), {@code tactgate_delivery_failures_total{kind}},
 * {@code tactgate_hold_decisions_total{action}}, {@code tactgate_hold_timeouts_total{outcome}},
 * {@code tactgate_reader_passages_total{source="model"|"cache"}}, {@code tactgate_reader_model_seconds_total},
 * {@code tactgate_reloads_total{result="applied"|"refused"}}.
 *
 * <p>Thread-safe. Tag values come from the relay's own vocabulary (verdicts, detector names,
 * action words), never from mail content, so the number of series stays small.
 */
public final class RelayMetrics implements HoldEvents {
    static final Duration GAUGE_TTL = Duration.ofSeconds(5);
    /** What {@link #deliveryFailure} is told: deferred for a retry, or returned with a DSN. */
    public static final List<String> FAILURE_KINDS = List.of("temporary", "permanent");

    /** One counter's name, help text and label; each label value is its own series. */
    private record Series(String name, String help, String label) {
    }

    private static final Series JUDGED = new Series("tactgate.messages.judged", "messages judged, by verdict", "verdict");
    private static final Series DETECTOR_HITS = new Series("tactgate.detector.hits",
            "messages a detector reported a finding on, by detector", "detector");
    private static final Series FAILURES = new Series("tactgate.delivery.failures",
            "delivery attempts that failed: temporary (deferred) or permanent (returned with a DSN)", "kind");
    private static final Series DECISIONS = new Series("tactgate.hold.decisions",
            "decisions people made on held or quarantined mail, by action", "action");
    private static final Series TIMEOUTS = new Series("tactgate.hold.timeouts",
            "holds nobody decided by their deadline, by the default applied", "outcome");
    private static final Series RELOADS = new Series("tactgate.reloads",
            "reloads of the site's files (SIGHUP): applied, or refused for a broken file and the previous ones kept",
            "result");
    private static final String DELIVERY = "tactgate.delivery";

    /** What {@link #countFrom} reads, kept strongly (see there). */
    private final List<LongSupplier> suppliers = new CopyOnWriteArrayList<>();
    private final MeterRegistry registry;
    private final MessageStore store;
    private final Clock clock;
    private final Counter sessions;
    private volatile Map<MessageState, Long> counts = Map.of();
    private volatile Instant countedAt = Instant.EPOCH;

    /** Meters with no detector known in advance: a detector's series appears with its first hit. */
    public RelayMetrics(MeterRegistry registry, MessageStore store) {
        this(registry, store, List.of());
    }

    /** @param detectors every detector name a finding can carry, each shown at zero from the start */
    public RelayMetrics(MeterRegistry registry, MessageStore store, Collection<String> detectors) {
        this(registry, store, detectors, Clock.systemUTC());
    }

    RelayMetrics(MeterRegistry registry, MessageStore store, Collection<String> detectors, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
        this.sessions = Counter.builder("tactgate.smtp.sessions").description("SMTP sessions opened").register(registry);
        Gauge.builder("tactgate.queue.depth", this, m -> m.count(MessageState.QUEUED) + m.count(MessageState.DEFERRED))
                .description("messages waiting for delivery (queued or deferred)").register(registry);
        for (MessageState state : MessageState.values()) {
            Gauge.builder("tactgate.stored.messages", this, m -> m.count(state)).tag("state", lower(state.name()))
                    .description("stored messages by state").register(registry);
        }
        for (Verdict v : Verdict.values()) {
            counter(JUDGED, lower(v.name()));
        }
        detectors.forEach(d -> counter(DETECTOR_HITS, d));
        FAILURE_KINDS.forEach(kind -> counter(FAILURES, kind));
        List.of(true, false).forEach(this::delivery);
        HoldEvents.DECISIONS.forEach(action -> counter(DECISIONS, action));
        for (Hold.AtDeadline outcome : Hold.AtDeadline.values()) {
            counter(TIMEOUTS, lower(outcome.name()));
        }
        List.of(true, false).forEach(this::reload);
    }

    /**
     * A counter kept elsewhere (a process-wide {@link java.util.concurrent.atomic.LongAdder}), read
     * when scraped: {@code tactgate_reader_passages_total{source}}, {@code tactgate_reader_model_seconds_total}.
     */
    public void countFrom(String name, String description, Map<String, String> tags, LongSupplier total, double scale) {
        // Micrometer holds the counted object weakly; a lambda nobody else keeps would be collected
        // and the series would read 0 from then on, so this registry keeps it for its lifetime
        suppliers.add(total);
        var builder = FunctionCounter.builder(name, total, t -> t.getAsLong() * scale).description(description);
        tags.forEach(builder::tag);
        builder.register(registry);
    }

    /** An SMTP client connected. */
    public void smtpSession() {
        sessions.increment();
    }

    /** The pipeline judged a message. */
    public void messageJudged(Verdict verdict) {
        counter(JUDGED, lower(verdict.name())).increment();
    }

    /** A detector fired on a message (once per detector per message). */
    public void detectorHit(String detector) {
        counter(DETECTOR_HITS, detector).increment();
    }

    /** One delivery attempt finished; {@code delivered} false for a temporary or permanent failure. */
    public void deliveryAttempt(Duration latency, boolean delivered) {
        delivery(delivered).record(latency);
    }

    /** A delivery failed: {@code kind} is one of {@link #FAILURE_KINDS}. */
    public void deliveryFailure(String kind) {
        counter(FAILURES, kind).increment();
    }

    /** A person decided a hold: one of {@link HoldEvents#DECISIONS}. */
    @Override
    public void decided(String action) {
        counter(DECISIONS, action).increment();
    }

    /** A hold reached its deadline and the policy's default applied. */
    @Override
    public void expired(Hold.AtDeadline outcome) {
        counter(TIMEOUTS, lower(outcome.name())).increment();
    }

    /** A reload ran: {@code applied} false when a broken file made it keep everything as it was. */
    public void reloaded(boolean applied) {
        reload(applied).increment();
    }

    private Counter reload(boolean applied) {
        return counter(RELOADS, applied ? "applied" : "refused");
    }

    private Timer delivery(boolean delivered) {
        return Timer.builder(DELIVERY).tag("result", delivered ? "delivered" : "failed")
                .description("delivery attempt duration, by result").register(registry);
    }

    private Counter counter(Series series, String value) {
        // register() returns the meter already there for the same name and tag
        return Counter.builder(series.name()).description(series.help()).tag(series.label(), value).register(registry);
    }

    private double count(MessageState state) {
        Instant now = clock.instant();
        if (countedAt.plus(GAUGE_TTL).isBefore(now)) {
            try {
                counts = Map.copyOf(store.countByState());
            } catch (RuntimeException e) {
                return Double.NaN; // the store is down: /health says so; the gauge shows no value
            }
            countedAt = now;
        }
        return counts.getOrDefault(state, 0L);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
