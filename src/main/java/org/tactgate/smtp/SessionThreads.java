package org.tactgate.smtp;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * The threads SMTP sessions run on (one per connection; SubEthaSMTP bounds how many), counting
 * sessions in progress so a graceful stop can wait for them. Thread-safe.
 */
final class SessionThreads extends ThreadPoolExecutor {
    private final Object lock = new Object();
    private int running;

    SessionThreads() {
        super(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), namedThreads());
    }

    private static java.util.concurrent.ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> new Thread(runnable, "smtp-session-" + count.incrementAndGet());
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable session) {
        synchronized (lock) {
            running++;
        }
    }

    @Override
    protected void afterExecute(Runnable session, Throwable failure) {
        // A pooled thread must not carry one session's MDC into the next.
        MDC.clear();
        synchronized (lock) {
            running--;
            lock.notifyAll();
        }
    }

    /** Waits until no session is in progress or the time is up; returns how many still run. */
    int awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return running;
        }
    }
}
