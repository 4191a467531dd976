package org.tactgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.config.StoreSettings;

/** The SQLite store in a fresh file per test, in a folder the store has to create. */
class SqliteMessageStoreTest implements MessageStoreContract {
    @TempDir
    Path dir;
    private StoreSettings settings;
    private MessageStore store;

    @BeforeEach
    void openStore() {
        settings = new StoreSettings("jdbc:sqlite:" + dir.resolve("data/store/tactgate.db"), Optional.empty(),
                Optional.empty());
        store = JdbcMessageStore.open(settings);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    public MessageStore store() {
        return store;
    }

    @Override
    public MessageStore reopen() {
        store.close();
        store = JdbcMessageStore.open(settings);
        return store;
    }

    @Test
    void fileShouldBeInWalModeWithTheSchemaMigrated() throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.url());
             Statement s = c.createStatement()) {
            assertThat(single(s, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(single(s, "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank"))
                    .isEqualTo("1");
        }
    }

    @Test
    void closedStoreShouldRefuseWritesWithStoreException() {
        store.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.accept(MessageFixtures.queued(MessageFixtures.T0)))
                .isInstanceOf(StoreException.class);
        store = JdbcMessageStore.open(settings); // for closeStore
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
