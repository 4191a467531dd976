package org.tactgate.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file from a thread of its own, so the
 * writer thread does not: SQLite's automatic checkpoint would run inside the commit that crosses
 * the threshold and make every caller in that batch wait for a full copy and fsync of the file.
 * PASSIVE checkpoints take no lock the writer needs; the writer keeps a large automatic threshold
 * only as a backstop should this thread fall behind.
 *
 * <p>Thread-safe; {@link #close} stops the thread (SQLite checkpoints once more on last close).
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService timer;

    WalCheckpointer(DataSource dataSource, long periodMillis) {
        this.dataSource = dataSource;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tactgate-store-checkpoint");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::checkpoint, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException | RuntimeException e) {
            // harmless: the next run or the writer's backstop checkpoint catches up
            log.warn("WAL checkpoint failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
