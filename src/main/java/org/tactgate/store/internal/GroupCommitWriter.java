package org.tactgate.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tactgate.store.StoreException;

/**
 * Group commit: every write goes into one queue; a single writer thread takes what is waiting (up
 * to {@code maxBatch}), runs it all in one transaction, commits once (one fsync for the lot), and
 * only then completes each caller. Callers block until their own write is committed.
 *
 * <p>If the batch fails (one write broke a constraint, or the commit itself failed), it is rolled
 * back whole and each write is retried in a transaction of its own, so a bad write fails only its
 * own caller. Results computed in the failed batch are discarded and recomputed by the retry.
 *
 * <p>Thread-safe: any number of callers; the database work happens on the writer thread only,
 * which also suits SQLite's single-writer model (no lock contention between our own writes).
 * {@link #close} commits what was submitted before it, then stops the thread.
 */
public final class GroupCommitWriter implements Writes {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final DataSource dataSource;
    private final int maxBatch;
    private final BlockingQueue<Pending<?>> queue;
    private final Thread thread;
    /** Submitting holds the read lock; closing takes the write lock, so no write slips in after. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private volatile boolean closed;

    public GroupCommitWriter(DataSource dataSource, int maxBatch, String name) {
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(maxBatch * 64);
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public <T> T run(String messageId, String what, Work<T> work) {
        Pending<T> pending = new Pending<>(messageId, what, work);
        closing.readLock().lock();
        try {
            if (closed) {
                throw new StoreException("the store is closed: " + what + " not done", null);
            }
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(what + " interrupted before it was queued", e);
        } finally {
            closing.readLock().unlock();
        }
        try {
            // not interruptible on purpose: once queued the write will commit or fail, and the
            // caller must learn which (an SMTP 250 or 451 depends on it)
            return pending.done.join();
        } catch (CompletionException e) {
            throw Transaction.failure(what, e.getCause());
        }
    }

    /** Writes waiting for the writer thread (not counting the batch it is committing). */
    public int queued() {
        return queue.size();
    }

    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            Pending<?> first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // nobody interrupts this thread but close paths; keep draining until closed
                continue;
            }
            if (first == null) {
                if (closed) {
                    return; // closed and nothing left: no write can be queued any more
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            try {
                commit(batch);
            } catch (Throwable t) {
                // never leave a caller waiting forever, whatever went wrong
                batch.forEach(p -> p.fail(t));
            }
        }
    }

    private void commit(List<Pending<?>> batch) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                Transaction.commit(connection, c -> {
                    for (Pending<?> p : batch) {
                        p.runOn(c);
                    }
                    return null;
                });
                batch.forEach(Pending::complete);
                return;
            } catch (SQLException | RuntimeException e) {
                if (batch.size() == 1) {
                    batch.get(0).failLogged(e);
                    return;
                }
                log.warn("group commit of {} writes failed ({}); retrying them one by one", batch.size(), e.toString());
            }
            for (Pending<?> p : batch) {
                try {
                    Transaction.commit(connection, p::runOn);
                    p.complete();
                } catch (SQLException | RuntimeException e) {
                    p.failLogged(e);
                }
            }
        } catch (SQLException e) {
            // no connection at all: every write in the batch failed
            batch.forEach(p -> p.failLogged(e));
        }
    }

    /** A write waiting for its commit, and its result until the commit is done. */
    private static final class Pending<T> {
        final String messageId;
        final String what;
        final Work<T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();
        T result;

        Pending(String messageId, String what, Work<T> work) {
            this.messageId = messageId;
            this.what = what;
            this.work = work;
        }

        Void runOn(Connection connection) throws SQLException {
            result = work.apply(connection);
            return null;
        }

        void complete() {
            done.complete(result);
        }

        void fail(Throwable cause) {
            done.completeExceptionally(cause);
        }

        void failLogged(Exception cause) {
            try (MDC.MDCCloseable ignored = MDC.putCloseable("msg", messageId)) {
                log.warn("{} failed and was not committed: {}", what, cause.toString());
            }
            fail(cause);
        }
    }
}
