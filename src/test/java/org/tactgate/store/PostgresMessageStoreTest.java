package org.tactgate.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.tactgate.config.StoreSettings;

/**
 * The PostgreSQL store, each test in a fresh schema of its own (created here, passed as
 * {@code currentSchema}, dropped after) so parallel runs never collide. The server comes from
 * {@code TACTGATE_TEST_PG_URL}; when it is unreachable the tests are skipped, saying so, unless
 * {@code TACTGATE_REQUIRE_PG=true} (set by {@code .ci/run}), where they fail instead.
 */
class PostgresMessageStoreTest implements MessageStoreContract {
    static final String URL = Optional.ofNullable(System.getenv("TACTGATE_TEST_PG_URL"))
            .orElse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private static boolean reachable;
    private String schema;
    private JdbcStoreFixture fixture;

    @BeforeAll
    static void probeServer() {
        DriverManager.setLoginTimeout(5);
        try (Connection ignored = DriverManager.getConnection(URL)) {
            reachable = true;
        } catch (SQLException e) {
            reachable = false;
        }
    }

    @BeforeEach
    void openStore() throws SQLException {
        // assumed per test, not per class, so each skipped test reports the reason
        if (!reachable && Boolean.parseBoolean(System.getenv("TACTGATE_REQUIRE_PG"))) {
            throw new IllegalStateException("PostgreSQL not reachable at " + URL
                    + " and TACTGATE_REQUIRE_PG=true (CI): the PostgreSQL store must be tested");
        }
        assumeTrue(reachable, "PostgreSQL not reachable at " + URL + ": skipping");
        schema = "tactgate_test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        fixture = new JdbcStoreFixture(new StoreSettings(withSchema(URL, schema), Optional.empty(), Optional.empty()),
                this::open);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema == null) {
            return; // skipped: nothing was created
        }
        if (fixture != null) {
            fixture.close();
        }
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** Opens the store as production does; a subclass may open it with other settings. */
    MessageStore open(StoreSettings settings) {
        return JdbcMessageStore.open(settings);
    }

    @Override
    public MessageStore store() {
        return fixture.store();
    }

    @Override
    public MessageStore reopen() {
        return fixture.reopen();
    }

    static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
