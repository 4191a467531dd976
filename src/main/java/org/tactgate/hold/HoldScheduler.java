package org.tactgate.hold;

import org.tactgate.hold.HoldDesk;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.directory.Directory;
import org.tactgate.notify.HeldMail;
import org.tactgate.notify.Notices;
import org.tactgate.store.Admission;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.Hold;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.NewMessage;
import org.tactgate.store.StoredMessage;

/**
 * The clock of the hold lifecycle, on one thread: applies each hold's deadline default, sends
 * the reviewers' digest, and purges old bodies. Deadlines live in the store, so a restart (or
 * another node) picks up where this one stopped; a deadline applies once because its action is
 * a state change conditional on the message still waiting ({@link HoldDesk#expire}).
 *
 * <p>Order of calls: {@link #start} once, {@link #close} once. {@link #tick} runs one round of
 * every job now (tests and the first round at start use it). Thread-safe.
 */
public final class HoldScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HoldScheduler.class);
    private static final int BATCH = 100;

    /** How often each job runs, and the retention period. */
    public record Timing(Duration deadlineCheck, Duration retentionCheck, Duration retention,
                         Optional<Duration> digestInterval) {
    }

    private final MessageStore store;
    private final HoldDesk desk;
    private final Notices notices;
    private final Directory directory;
    private final List<String> reviewers;
    private final Timing timing;
    private final Clock clock;
    private final Runnable wakeDelivery;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hold-scheduler");
        t.setDaemon(true);
        return t;
    });

    public HoldScheduler(MessageStore store, HoldDesk desk, Notices notices, Directory directory, List<String> reviewers,
                         Timing timing, Clock clock, Runnable wakeDelivery) {
        this.store = store;
        this.desk = desk;
        this.notices = notices;
        this.directory = directory;
        this.reviewers = List.copyOf(reviewers);
        this.timing = timing;
        this.clock = clock;
        this.wakeDelivery = wakeDelivery;
    }

    public void start() {
        executor.scheduleWithFixedDelay(guarded("deadlines", this::applyDeadlines), 0,
                timing.deadlineCheck().toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(guarded("retention", this::purge), timing.retentionCheck().toMillis(),
                timing.retentionCheck().toMillis(), TimeUnit.MILLISECONDS);
        timing.digestInterval().ifPresent(every -> executor.scheduleWithFixedDelay(guarded("digest", this::digest),
                every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Applies every deadline that has passed; returns how many defaults were applied. */
    public int applyDeadlines() {
        int applied = 0;
        for (int round = 0; round < 1000; round++) {
            List<Hold> due = store.dueHolds(clock.instant(), BATCH);
            int before = applied;
            for (Hold h : due) {
                if (desk.expire(h).applied()) {
                    applied++;
                }
            }
            if (due.size() < BATCH || applied == before) {
                break;
            }
        }
        if (applied > 0) {
            log.info("applied {} deadline default(s)", applied);
        }
        return applied;
    }

    /** Purges bodies past retention; returns how many. */
    public int purge() {
        Instant before = clock.instant().minus(timing.retention());
        int purged = store.purge(before);
        if (purged > 0) {
            store.audit().append(new AuditEntry(clock.instant(), Optional.empty(), "system", "scheduler", "purge",
                    purged + " message bod(ies) older than " + before + " purged"));
            log.info("purged {} message bod(ies) past retention", purged);
        }
        return purged;
    }

    /** Sends reviewers the quarantined messages that arrived since the last digest; true if one was sent. */
    public boolean digest() {
        if (reviewers.isEmpty()) {
            return false;
        }
        Instant since = store.audit().list(Optional.empty(), Optional.empty(), Optional.of("digest"), Integer.MAX_VALUE)
                .stream().map(AuditEntry::at).reduce((a, b) -> b).orElse(Instant.EPOCH);
        Instant now = clock.instant();
        List<HeldMail> fresh = new ArrayList<>();
        for (StoredMessage m : store.list(MessageState.QUARANTINED, 1000)) {
            Optional<Hold> hold = store.hold(m.id());
            if (hold.isPresent() && !m.envelope().receivedAt().isBefore(since)) {
                fresh.add(HeldMail.of(m, store.content(m.id()).orElse(new byte[0]), hold.get(), directory));
            }
        }
        if (fresh.isEmpty()) {
            return false;
        }
        NewMessage digest = notices.digest(fresh, reviewers);
        store.admit(new Admission(digest, Optional.empty(), List.of(), List.of(new AuditEntry(now, Optional.empty(),
                "system", "scheduler", "digest", fresh.size() + " message(s) to " + String.join(", ", reviewers)))));
        wakeDelivery.run();
        return true;
    }

    private Runnable guarded(String job, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // keep the schedule alive: the next round retries (the store may be back by then)
                log.error("{} job failed: {}", job, e.toString(), e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
