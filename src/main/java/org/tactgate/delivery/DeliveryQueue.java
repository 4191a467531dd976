package org.tactgate.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.config.DeliverySettings;
import org.tactgate.store.MessageStore;

/**
 * Relays every QUEUED or DEFERRED message in the {@link MessageStore} to the upstream, with
 * retries on temporary failures and a DSN to the sender on permanent ones (DESIGN.md: "delivery
 * queue ─▶ upstream"). {@code delivery.workers} threads each claim due messages under a lease,
 * attempt them, and record each outcome (with its DSN, if any) in one store transaction.
 *
 * <p>Order of calls: {@link #start} once; {@link #wake} whenever new work was committed (intake,
 * releases), from any thread; {@link #stop} once. Thread-safe.
 *
 * <p>A message is attempted at least once per claim: if a node dies mid-attempt, the lease expires
 * and another worker tries again, so an upstream may rarely see a message twice, never zero times.
 */
public final class DeliveryQueue {
    private static final Logger log = LoggerFactory.getLogger(DeliveryQueue.class);

    /** Reads a single attempt may wait for, each up to the connect timeout: connect, TLS, AUTH, commands, data. */
    private static final int READS_PER_ATTEMPT = 8;

    private final MessageStore store;
    private final DeliverySettings settings;
    private final String hostname;
    private final Supplier<? extends Upstream> upstreams;
    private final Clock clock;
    private final WorkSignal signal;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** A queue delivering to the upstream the settings name (or the outbox), on the system clock. */
    public DeliveryQueue(MessageStore store, DeliverySettings settings, String hostname) {
        this(store, settings, hostname, Upstream.factory(settings, hostname), Clock.systemUTC());
    }

    /**
     * @param hostname  this relay's name: EHLO, {@code Received:} header, DSN sender
     * @param upstreams called once per worker
     */
    public DeliveryQueue(MessageStore store, DeliverySettings settings, String hostname,
                         Supplier<? extends Upstream> upstreams, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.hostname = hostname;
        this.upstreams = upstreams;
        this.clock = clock;
        this.signal = new WorkSignal(settings.workers());
    }

    /** Starts the workers; they begin with whatever is already due (a restart resumes here). */
    public synchronized void start() {
        if (running || !threads.isEmpty()) {
            throw new IllegalStateException("the delivery queue starts once");
        }
        running = true;
        Duration budget = settings.connectTimeout().multipliedBy(READS_PER_ATTEMPT);
        DeliveryWorker.Timing timing = new DeliveryWorker.Timing(settings.pollInterval(), budget.multipliedBy(2), budget);
        OutcomeAssembler assembler = new OutcomeAssembler(RetrySchedule.of(settings),
                new DeliveryStatusNotification(hostname, clock));
        for (int i = 0; i < settings.workers(); i++) {
            Thread t = new Thread(new DeliveryWorker(store, upstreams, assembler, signal, clock, hostname, timing,
                    () -> running), "delivery-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        log.info("delivery queue started: {} workers to {}", settings.workers(),
                settings.upstream().map(Object::toString).orElse("outbox " + settings.outbox()));
    }

    /** New work may be due now: one idle worker looks at once instead of at its next poll. */
    public void wake() {
        signal.wake();
    }

    /**
     * Stops claiming; lets attempts already claimed finish for up to {@code grace}.
     *
     * @return true if every worker finished within the grace period
     */
    public synchronized boolean stop(Duration grace) {
        running = false;
        signal.close();
        Instant deadline = clock.instant().plus(grace);
        boolean all = true;
        for (Thread t : threads) {
            try {
                long left = Duration.between(clock.instant(), deadline).toMillis();
                if (left > 0) {
                    t.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                all = false;
                // Its lease will expire and another worker (or the next start) retries its message.
                t.interrupt();
            }
        }
        log.info("delivery queue stopped{}", all ? "" : " (some attempts were still running)");
        return all;
    }
}
