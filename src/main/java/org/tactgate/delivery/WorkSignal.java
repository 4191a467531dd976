package org.tactgate.delivery;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where idle workers wait for work: {@link #wake()} releases one waiting worker at once, or lets
 * the next one that comes to wait pass straight through, so a wake is never lost; otherwise a
 * worker waits one poll interval and looks again. Wakes are counted up to the number of workers,
 * so a burst of wakes while every worker is busy costs at most one extra look each. Thread-safe.
 */
final class WorkSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final int maxPending;
    private int pendingWakes;
    private boolean closed;

    WorkSignal(int workers) {
        this.maxPending = workers;
    }

    /** Wakes one worker. */
    void wake() {
        lock.lock();
        try {
            pendingWakes = Math.min(pendingWakes + 1, maxPending);
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Releases every waiting worker, now and from now on (used to stop). */
    void close() {
        lock.lock();
        try {
            closed = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Returns when woken, closed, or after {@code timeout}. */
    void await(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (pendingWakes == 0 && !closed && nanos > 0) {
                nanos = work.awaitNanos(nanos);
            }
            if (pendingWakes > 0) {
                pendingWakes--;
            }
        } finally {
            lock.unlock();
        }
    }
}
