package org.tactgate.store.internal;

/**
 * Runs write work in committed transactions. Implementations: {@link GroupCommitWriter} (one
 * writer thread, many writes per commit) and {@link TransactionPerWrite} (a pooled connection and
 * a commit per write).
 *
 * <p>Thread-safe. {@link #run} returns only once the work's transaction has committed, or throws
 * {@link org.tactgate.store.StoreException} when it did not; a caller never sees a success that
 * is not on disk. {@link #close} finishes the writes already submitted, then refuses new ones.
 */
public interface Writes extends AutoCloseable {

    /**
     * @param messageId the message the work is about, for logs ({@code ""} when several)
     * @param what      a short name of the work for errors and logs, e.g. {@code accept}
     */
    <T> T run(String messageId, String what, Work<T> work);

    @Override
    void close();
}
