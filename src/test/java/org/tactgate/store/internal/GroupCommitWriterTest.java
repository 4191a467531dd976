package org.tactgate.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.tactgate.store.StoreException;

/**
 * The group-commit writer on a real SQLite file. A child row whose parent is missing breaks a
 * DEFERRED foreign key, so it fails at COMMIT: a real failed commit, without faking the driver.
 */
class GroupCommitWriterTest {
    @TempDir
    Path dir;
    private SQLiteDataSource dataSource;
    private GroupCommitWriter writer;
    private final ExecutorService callers = Executors.newFixedThreadPool(12);

    @BeforeEach
    void open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("writer.db"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
            s.execute("CREATE TABLE child (id INTEGER PRIMARY KEY,"
                    + " parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
            s.execute("INSERT INTO parent (id) VALUES (1)");
        }
        writer = new GroupCommitWriter(dataSource, 64, "test-writer");
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        writer.close();
    }

    @Test
    void writeWhoseCommitFailsShouldThrowAndNotFailTheOthersInItsBatch() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // occupies the writer thread so the next eleven writes queue up into one batch
        CompletableFuture.supplyAsync(() -> writer.run("", "block", c -> {
            started.countDown();
            awaitQuietly(release);
            return null;
        }), callers);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        List<CompletableFuture<Object>> good = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int id = 100 + i;
            good.add(CompletableFuture.supplyAsync(() -> writer.run("", "good", c -> insertChild(c, id, 1)), callers));
        }
        CompletableFuture<Object> bad = CompletableFuture.supplyAsync(
                () -> writer.run("", "orphan", c -> insertChild(c, 999, 42)), callers);
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.queued() == 11);
        release.countDown();

        assertThat(bad).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .havingRootCause().isInstanceOf(SQLException.class).withMessageContaining("FOREIGN KEY");
        assertThatThrownBy(bad::join).hasCauseInstanceOf(StoreException.class);
        good.forEach(f -> assertThat(f).succeedsWithin(Duration.ofSeconds(10)));
        assertThat(children()).isEqualTo(10);
    }

    @Test
    void loneWriteWhoseCommitFailsShouldThrowStoreException() throws SQLException {
        assertThatThrownBy(() -> writer.run("", "orphan", c -> insertChild(c, 7, 42)))
                .isInstanceOf(StoreException.class).hasMessageContaining("orphan failed");
        assertThat(children()).isZero();
    }

    @Test
    void writeShouldBeVisibleToAnotherConnectionOnceRunReturns() throws SQLException {
        writer.run("", "good", c -> insertChild(c, 1, 1));
        assertThat(children()).isEqualTo(1);
    }

    @Test
    void closedWriterShouldRefuseNewWrites() {
        writer.close();
        assertThatThrownBy(() -> writer.run("", "late", c -> insertChild(c, 1, 1)))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    private static Object insertChild(Connection c, int id, int parent) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO child (id, parent) VALUES (?, ?)")) {
            s.setInt(1, id);
            s.setInt(2, parent);
            s.executeUpdate();
        }
        return null;
    }

    private int children() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM child")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
