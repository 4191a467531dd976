package org.tactgate.store;

import org.tactgate.message.MessageId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private JdbcStoreFixture fixture;

    @BeforeEach
    void openStore() {
        fixture = new JdbcStoreFixture(new StoreSettings("jdbc:sqlite:" + dir.resolve("data/store/tactgate.db"),
                Optional.empty(), Optional.empty()));
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    @Override
    public MessageStore store() {
        return fixture.store();
    }

    @Override
    public MessageStore reopen() {
        return fixture.reopen();
    }

    @Test
    void fileShouldBeInWalModeWithTheSchemaMigrated() throws SQLException {
        try (Connection c = DriverManager.getConnection(fixture.settings().url());
             Statement s = c.createStatement()) {
            assertThat(single(s, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(single(s, "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank"))
                    .isEqualTo("1");
        }
    }

    @Test
    void closedStoreShouldRefuseWritesWithStoreException() {
        MessageStore store = fixture.store();
        store.close();
        assertThatThrownBy(() -> store.accept(MessageFixtures.queued(MessageFixtures.T0)))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.find(MessageId.next())).isInstanceOf(StoreException.class);
        fixture.reopen(); // for closeStore
    }

    @Test
    void leaseLeftByADeadProcessShouldBeReleasedWhenTheStoreReopens() {
        NewMessage m = MessageFixtures.queued(MessageFixtures.T0);
        fixture.store().accept(m);
        assertThat(fixture.store().claimDue(MessageFixtures.T0, 10, java.time.Duration.ofHours(1))).hasSize(1);

        // the process dies mid-delivery; a new one opens the same file long before the lease ends
        MessageStore reopened = fixture.reopen();

        assertThat(reopened.claimDue(MessageFixtures.T0.plusSeconds(1), 10, java.time.Duration.ofHours(1)))
                .extracting(t -> t.message().id()).containsExactly(m.id());
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
