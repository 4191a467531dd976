package org.tactgate.delivery;

import java.util.function.Supplier;
import org.tactgate.config.DeliverySettings;

/**
 * The next hop of a delivery: takes one {@link Attempt} (envelope sender, pending recipients,
 * bytes, id) and says per recipient what became of it.
 *
 * <p>Order of calls: {@link #attempt} any number of times, then {@link #close} once. An instance
 * belongs to one delivery worker and is <em>not</em> thread-safe: it may keep a connection open
 * between attempts. {@link DeliveryQueue} asks its factory for one instance per worker.
 *
 * <p>Delivery problems never throw: a refused recipient, a refused message, an unreachable host or
 * a timeout come back as results, {@code FAILED} when permanent, {@code PENDING} when worth a retry,
 * each with the reply that explains it.
 */
public interface Upstream extends AutoCloseable {

    AttemptResult attempt(Attempt attempt);

    /** Releases the connection, if any. Never throws. */
    @Override
    void close();

    /**
     * One upstream per call, as the settings say: SMTP to {@code upstream.host}, or files in
     * {@code delivery.outbox} when no host is set.
     *
     * @param hostname this relay's name (EHLO)
     */
    static Supplier<Upstream> factory(DeliverySettings settings, String hostname) {
        if (settings.upstream().isPresent()) {
            SmtpUpstream.Options options = SmtpUpstream.Options.from(settings, hostname);
            return () -> new SmtpUpstream(options);
        }
        return () -> new OutboxUpstream(settings.outbox());
    }
}
