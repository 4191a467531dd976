package org.tactgate.relay;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.web.RelayMetrics;

/**
 * Swaps a re-read {@link WorkingSet} into the running relay: the pipeline judges the messages that
 * arrive from then on with the new inspector and policy (a message being judged finishes with the
 * previous pair) and STARTTLS uses the new identity (a session already encrypted keeps its
 * handshake). Nothing is closed or restarted, so SMTP sessions in progress go on.
 *
 * <p>When the re-read refuses a file (it throws, one line naming the key and the file), nothing is
 * swapped and that line is logged without a stack trace: a broken file is an admin's slip, not a
 * bug, and the relay goes on with what it had. Each reload is counted, applied or refused.
 * Reloads run one at a time (a second SIGHUP waits for the first).
 */
final class Reloader {
    private static final Logger log = LoggerFactory.getLogger(Reloader.class);

    private final MessagePipeline pipeline;
    private final Consumer<SSLContext> useTls;
    private final RelayMetrics metrics;

    /** @param useTls the intake's STARTTLS identity setter; told only when the set has one */
    Reloader(MessagePipeline pipeline, Consumer<SSLContext> useTls, RelayMetrics metrics) {
        this.pipeline = pipeline;
        this.useTls = useTls;
        this.metrics = metrics;
    }

    /** @return whether the new set was applied */
    synchronized boolean reload(Supplier<WorkingSet> reread) {
        WorkingSet next;
        try {
            next = reread.get();
            next.tls().ifPresent(useTls);
        } catch (RuntimeException e) {
            metrics.reloaded(false);
            log.error("reload refused, the previous policy, lexicons and TLS certificate stay in use: {}",
                    e.getMessage() == null ? e.toString() : e.getMessage());
            log.debug("reload refused", e);
            return false;
        }
        pipeline.judgeWith(next.inspector(), next.policy());
        metrics.reloaded(true);
        log.info("reloaded the policy, lexicons, customers and TLS certificate; sessions in progress go on");
        return true;
    }
}
