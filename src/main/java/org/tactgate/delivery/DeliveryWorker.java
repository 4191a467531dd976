package org.tactgate.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tactgate.store.DeliveryOutcome;
import org.tactgate.store.DeliveryOutcome.RecipientResult;
import org.tactgate.store.DeliveryTask;
import org.tactgate.store.MessageStore;
import org.tactgate.store.RecipientStatus;
import org.tactgate.store.RecipientStatus.State;
import org.tactgate.store.StoreException;
import org.tactgate.store.StoredMessage;

/**
 * One delivery thread: claim a few due messages, attempt each through this worker's own
 * {@link Upstream} (so its connection is reused), record each outcome; wait for a wake or the
 * poll interval when nothing is due. Finishes the batch it holds before it stops.
 */
final class DeliveryWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** Claimed together: few enough that each finishes well within the lease. */
    static final int BATCH = 4;

    /** Durations that bound a worker's waits and claims. */
    record Timing(Duration pollInterval, Duration lease, Duration attemptBudget) {
    }

    private final MessageStore store;
    private final Supplier<? extends Upstream> upstreams;
    private final OutcomeAssembler assembler;
    private final WorkSignal signal;
    private final Clock clock;
    private final String hostname;
    private final Timing timing;
    private final BooleanSupplier running;

    DeliveryWorker(MessageStore store, Supplier<? extends Upstream> upstreams, OutcomeAssembler assembler,
                   WorkSignal signal, Clock clock, String hostname, Timing timing, BooleanSupplier running) {
        this.store = store;
        this.upstreams = upstreams;
        this.assembler = assembler;
        this.signal = signal;
        this.clock = clock;
        this.hostname = hostname;
        this.timing = timing;
        this.running = running;
    }

    @Override
    public void run() {
        try (Upstream upstream = upstreams.get()) {
            while (running.getAsBoolean()) {
                Instant claimedAt = clock.instant();
                List<DeliveryTask> tasks = claim(claimedAt);
                if (tasks.isEmpty()) {
                    signal.await(timing.pollInterval());
                    continue;
                }
                if (tasks.size() == BATCH) {
                    // A full batch suggests more is due: let an idle colleague look too.
                    signal.wake();
                }
                Instant leaseEnds = claimedAt.plus(timing.lease());
                for (DeliveryTask task : tasks) {
                    if (clock.instant().plus(timing.attemptBudget()).isAfter(leaseEnds)) {
                        // Too little lease left to finish safely; it expires and the message is re-claimed.
                        log.warn("message {}: lease too short to attempt now, leaving it to the next claim",
                                task.message().id());
                        continue;
                    }
                    deliver(task, upstream);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("delivery worker stopped by an unexpected error", e);
        }
    }

    private List<DeliveryTask> claim(Instant now) throws InterruptedException {
        try {
            return store.claimDue(now, BATCH, timing.lease());
        } catch (StoreException e) {
            log.warn("cannot claim due messages, retrying after {}: {}", timing.pollInterval(), e.getMessage());
            signal.await(timing.pollInterval());
            return List.of();
        }
    }

    private void deliver(DeliveryTask task, Upstream upstream) {
        StoredMessage message = task.message();
        MDC.put("msg", message.id().value());
        try {
            byte[] content = store.content(message.id()).orElse(new byte[0]);
            AttemptResult result = content.length == 0
                    ? AttemptResult.all(task.pendingRecipients(), State.FAILED,
                            "554 5.3.0 message content is no longer in the store", Optional.empty())
                    : attempt(upstream, task, content);
            DeliveryOutcome outcome = assembler.assemble(task, content, result, clock.instant());
            if (!store.recordDelivery(task, outcome)) {
                log.warn("message {}: lease lost before the outcome was recorded; another attempt will follow",
                        message.id());
                return;
            }
            logOutcome(task, outcome);
        } catch (StoreException e) {
            log.error("message {}: cannot record the delivery outcome, will retry after the lease: {}",
                    message.id(), e.getMessage());
        } catch (RuntimeException e) {
            // One message's surprise must not end the worker; the lease expires and it is retried.
            log.error("message {}: delivery step failed unexpectedly, will retry after the lease", message.id(), e);
        } finally {
            MDC.remove("msg");
        }
    }

    private AttemptResult attempt(Upstream upstream, DeliveryTask task, byte[] content) {
        StoredMessage message = task.message();
        byte[] wire = TraceHeader.prepend(message.id(), message.envelope(), hostname, content);
        try {
            return upstream.attempt(
                    new Attempt(message.id(), message.envelope().sender(), task.pendingRecipients(), wire));
        } catch (RuntimeException e) {
            log.error("message {}: upstream failed unexpectedly", message.id(), e);
            String reply = "4.3.0 internal error: " + e;
            return AttemptResult.all(task.pendingRecipients(), State.PENDING, reply, Optional.of(reply));
        }
    }

    /** The one line per attempt: id, where each recipient stands, the replies, what happens next. */
    private void logOutcome(DeliveryTask task, DeliveryOutcome outcome) {
        StoredMessage message = task.message();
        boolean pending = outcome.results().stream().anyMatch(r -> r.state() == State.PENDING);
        boolean failed = outcome.results().stream().anyMatch(r -> r.state() == State.FAILED)
                || message.recipients().stream().anyMatch(r -> r.state() == RecipientStatus.State.FAILED);
        String state = pending ? "DEFERRED" : failed ? "FAILED" : "DELIVERED";
        String recipients = outcome.results().stream()
                .map(r -> r.address() + "=" + r.state()).collect(Collectors.joining(", "));
        String replies = outcome.results().stream().map(RecipientResult::reply).distinct()
                .collect(Collectors.joining(" | "));
        String next = pending ? outcome.nextAttemptAt().toString() : "none";
        String dsn = outcome.bounce().map(b -> "dsn " + b.id())
                .orElse(failed && message.envelope().hasNullSender() ? "no dsn (null sender)" : "no dsn");
        log.info("message {} attempt {}: {} [{}] from <{}>; reply: {}; next attempt: {}; {}",
                message.id(), message.attempts() + 1, state, recipients, message.envelope().sender(),
                replies, next, dsn);
    }
}
