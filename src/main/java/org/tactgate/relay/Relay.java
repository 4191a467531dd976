package org.tactgate.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.tactgate.delivery.Upstream;
import org.tactgate.web.JdbcUserStore;
import org.tactgate.web.RelayMetrics;
import org.tactgate.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.config.Settings;
import org.tactgate.delivery.DeliveryQueue;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.message.Decision;
import org.tactgate.message.Finding;
import org.tactgate.policy.Policy;
import org.tactgate.smtp.IntakeServer;
import org.tactgate.store.JdbcMessageStore;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.StoredMessage;

/**
 * The running relay: store, judgement, delivery queue, hold scheduler and intake, started in that
 * order (so that nothing is accepted before it can be stored and delivered) and stopped in the
 * reverse order (no new sessions, sessions in progress finish, the scheduler stops, deliveries in
 * progress finish, store closes).
 */
public final class Relay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Relay.class);
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final Settings settings;
    private final MessageStore store;
    private final DeliveryQueue delivery;
    private final IntakeServer intake;
    private final Reloader reloader;
    private final HoldLifecycle holds;
    private final WebServer web;
    private final JdbcUserStore users;
    private final RelayMeters meters;

    private Relay(Settings settings, MessageStore store, DeliveryQueue delivery, IntakeServer intake,
                  MessagePipeline pipeline, HoldLifecycle holds, WebServer web, JdbcUserStore users, RelayMeters meters) {
        this.settings = settings;
        this.store = store;
        this.delivery = delivery;
        this.intake = intake;
        this.reloader = new Reloader(pipeline, intake::useTls, meters.relay);
        this.holds = holds;
        this.web = web;
        this.users = users;
        this.meters = meters;
    }

    /** Opens the store, resumes unfinished work, and starts delivering and listening. */
    public static Relay start(Settings settings, MessageInspector inspector, Policy policy) {
        MessageStore store = JdbcMessageStore.open(settings.store());
        JdbcUserStore users = null;
        RelayMeters meters = null;
        try {
            meters = new RelayMeters(store);
            RelayMetrics metrics = meters.relay;
            Supplier<Upstream> upstreams = Upstream.factory(settings.delivery(), settings.smtp().hostname());
            DeliveryQueue delivery = new DeliveryQueue(store, settings.delivery(), settings.smtp().hostname(),
                    () -> new MeteredUpstream(upstreams.get(), metrics), Clock.systemUTC());
            HoldLifecycle holds = HoldLifecycle.open(settings, store, delivery::wake, Clock.systemUTC(), metrics);
            MessagePipeline pipeline = holds.pipeline(inspector, policy, decision -> {
                metrics.messageJudged(decision.verdict());
                // a detector with several findings on one message still counts that message once
                decision.inspection().findings().stream().map(Finding::detector).distinct().forEach(metrics::detectorHit);
            });
            resumeUnjudged(store, pipeline);
            users = JdbcUserStore.open(settings.store());
            WebServer web = new WebServer(store, holds.actions(), store.audit(), users, meters.registry, settings.web())
                    .addPublicRoutes(holds.confirmPages()::register);
            delivery.start();
            holds.scheduler().start();
            IntakeServer intake = new IntakeServer(settings.smtp(), pipeline, metrics::smtpSession);
            try {
                web.start();
                intake.start();
            } catch (RuntimeException e) {
                web.stop();
                holds.scheduler().close();
                delivery.stop(GRACE);
                throw e;
            }
            Relay relay = new Relay(settings, store, delivery, intake, pipeline, holds, web, users, meters);
            relay.logStart();
            return relay;
        } catch (RuntimeException e) {
            if (users != null) {
                users.close();
            }
            if (meters != null) {
                meters.close();
            }
            store.close();
            throw e;
        }
    }

    /**
     * Messages committed RECEIVED but never judged (a crash between two steps of an older
     * flow, or a store written by another node) are judged now rather than left behind.
     */
    private static void resumeUnjudged(MessageStore store, MessagePipeline pipeline) {
        List<StoredMessage> unjudged = store.list(MessageState.RECEIVED, Integer.MAX_VALUE);
        for (StoredMessage m : unjudged) {
            Optional<byte[]> content = store.content(m.id());
            Decision decision = pipeline.judge(m.envelope(), content.orElse(new byte[0]));
            MessageState next = MessagePipeline.firstStateOrHold(decision.verdict());
            store.transition(m.id(), MessageState.RECEIVED, next, Optional.of("judged at restart: " + decision.rule()));
        }
        if (!unjudged.isEmpty()) {
            log.info("resumed {} unjudged message(s) from before the restart", unjudged.size());
        }
    }

    private void logStart() {
        var counts = store.countByState();
        long pending = counts.getOrDefault(MessageState.QUEUED, 0L) + counts.getOrDefault(MessageState.DEFERRED, 0L);
        log.info("tactgate listening for SMTP on {}:{}", settings.smtp().listen().host(), intake.port());
        log.info("store: {}", settings.store().url());
        log.info("delivering to {}", settings.delivery().upstream()
                .map(h -> "upstream " + h + " (starttls " + settings.delivery().starttls().name().toLowerCase() + ")")
                .orElse("outbox folder " + settings.delivery().outbox() + " (no upstream.host set)"));
        if (pending > 0) {
            log.info("resuming delivery of {} queued message(s)", pending);
        }
        counts.forEach((state, n) -> {
            if (state == MessageState.HELD || state == MessageState.QUARANTINED) {
                log.info("{} message(s) {}", n, state.name().toLowerCase());
            }
        });
        log.info("started at {}", Instant.now());
    }

    /**
     * Re-reads the site's files with {@code reread} (a reload: SIGHUP) and swaps what it read in for
     * the messages that arrive from now on, or keeps everything as it was when a file is broken
     * ({@link Reloader}). SMTP sessions in progress go on.
     *
     * @return whether the new set was applied
     */
    public boolean reload(Supplier<WorkingSet> reread) {
        return reloader.reload(reread);
    }

    public int smtpPort() {
        return intake.port();
    }

    /** The port of the public web listener (sender pages, /health). */
    public int webPort() {
        return web.port();
    }

    /** The port of the review console (the public one unless web.console-listen is set). */
    public int consolePort() {
        return web.consolePort();
    }

    public MessageStore store() {
        return store;
    }

    /** The hold lifecycle: human actions, links, the confirmation pages and the scheduler. */
    public HoldLifecycle holds() {
        return holds;
    }

    /** Graceful stop: intake first, then delivery, then the store. */
    @Override
    public void close() {
        log.info("stopping: no new SMTP sessions; finishing sessions and deliveries in progress");
        intake.stop(GRACE);
        web.stop();
        holds.scheduler().close();
        delivery.stop(GRACE);
        users.close();
        meters.close();
        store.close();
        log.info("stopped");
    }
}
