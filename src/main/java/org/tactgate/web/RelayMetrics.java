package org.tactgate.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.tactgate.message.Verdict;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;

/**
 * The relay's meters, exported at {@code /metrics}. The pipeline, intake, delivery and hold
 * scheduler call the methods below as things happen; the gauges read the store when scraped
 * (at most once per {@link #GAUGE_TTL}, so a busy scraper does not load the database).
 *
 * <p>Names (Prometheus form): {@code tactgate_smtp_sessions_total},
 * {@code tactgate_messages_judged_total{verdict}}, {@code tactgate_detector_hits_total{detector}},
 * {@code tactgate_queue_depth}, {@code tactgate_stored_messages{state}},
 * {@code tactgate_delivery_seconds{result}} (count, sum, max), {@code tactgate_delivery_failures_total{kind}},
 * {@code tactgate_hold_decisions_total{action}}, {@code tactgate_hold_timeouts_total{outcome}},
 * {@code tactgate_reader_passages_total{source="model"|"cache"}}, {@code tactgate_reader_model_seconds_total}.
 *
 * <p>Thread-safe. Tag values come from the relay's own vocabulary (verdicts, detector symbols,
 * action words), never from mail content, so the number of series stays small.
 */
public final class RelayMetrics {
    static final Duration GAUGE_TTL = Duration.ofSeconds(5);

    /** What {@link #countFrom} reads, kept strongly (see there). */
    private final java.util.List<java.util.function.LongSupplier> suppliers =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final MeterRegistry registry;
    private final MessageStore store;
    private final Clock clock;
    private final Counter sessions;
    private volatile Map<MessageState, Long> counts = Map.of();
    private volatile Instant countedAt = Instant.EPOCH;

    public RelayMetrics(MeterRegistry registry, MessageStore store) {
        this(registry, store, Clock.systemUTC());
    }

    RelayMetrics(MeterRegistry registry, MessageStore store, Clock clock) {
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
            counter("tactgate.messages.judged", "verdict", lower(v.name())); // every verdict shows, even at 0
        }
    }

    /**
     * A counter kept elsewhere (a process-wide {@link java.util.concurrent.atomic.LongAdder}), read
     * when scraped: {@code tactgate_reader_passages_total{source}}, {@code tactgate_reader_model_seconds_total}.
     */
    public void countFrom(String name, String description, Map<String, String> tags, java.util.function.LongSupplier total,
                          double scale) {
        // Micrometer holds the counted object weakly; a lambda nobody else keeps would be collected
        // and the series would read 0 from then on, so this registry keeps it for its lifetime
        suppliers.add(total);
        var builder = io.micrometer.core.instrument.FunctionCounter
                .builder(name, total, t -> t.getAsLong() * scale).description(description);
        tags.forEach(builder::tag);
        builder.register(registry);
    }

    /** An SMTP client connected. */
    public void smtpSession() {
        sessions.increment();
    }

    /** The pipeline judged a message. */
    public void messageJudged(Verdict verdict) {
        counter("tactgate.messages.judged", "verdict", lower(verdict.name())).increment();
    }

    /** A detector fired on a message (once per detector per message). */
    public void detectorHit(String detector) {
        counter("tactgate.detector.hits", "detector", detector).increment();
    }

    /** One delivery attempt finished; {@code delivered} false for a temporary or permanent failure. */
    public void deliveryAttempt(Duration latency, boolean delivered) {
        Timer.builder("tactgate.delivery").tag("result", delivered ? "delivered" : "failed")
                .description("delivery attempt duration").register(registry).record(latency);
    }

    /** A delivery failed: {@code kind} is {@code temporary} (deferred) or {@code permanent} (DSN sent). */
    public void deliveryFailure(String kind) {
        counter("tactgate.delivery.failures", "kind", kind).increment();
    }

    /** A person decided a hold: {@code confirm}, {@code cancel}, {@code send-without-customer}, {@code release}, {@code bounce}, {@code delete}. */
    public void holdDecision(String action) {
        counter("tactgate.hold.decisions", "action", action).increment();
    }

    /** A hold reached its deadline and the policy's default applied: {@code outcome} is {@code release} or {@code bounce}. */
    public void holdTimeout(String outcome) {
        counter("tactgate.hold.timeouts", "outcome", outcome).increment();
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag(tag, value).register(registry);
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
