package org.tactgate.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.tactgate.config.StoreSettings;
import org.tactgate.smtp.PasswordHash;
import org.tactgate.store.StoreException;

/**
 * {@link UserStore} over JDBC, on the same database as the message store ({@code store.url}).
 * It keeps a small pool of its own: logins and token checks are rare next to message writes,
 * and on SQLite its writes (a user added) wait on the busy timeout like any second writer.
 * The schema must already be migrated: open the {@link org.tactgate.store.MessageStore} first.
 *
 * <p>Thread-safe. SECURITY: every value is a bound parameter; the JDBC URL may carry a password
 * and is kept out of exceptions.
 */
public final class JdbcUserStore implements UserStore {
    private static final int POOL = 2;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final HikariDataSource pool;

    private JdbcUserStore(HikariDataSource pool) {
        this.pool = pool;
    }

    public static JdbcUserStore open(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tactgate-web-users");
        config.setMaximumPoolSize(POOL);
        config.setMinimumIdle(0);
        if (settings.isPostgres()) {
            config.setJdbcUrl(settings.url());
            settings.username().ifPresent(config::setUsername);
            settings.password().ifPresent(config::setPassword);
        } else {
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
            dataSource.setUrl(settings.url());
            config.setDataSource(dataSource);
        }
        try {
            return new JdbcUserStore(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the user accounts: " + e.getMessage(), e);
        }
    }

    @Override
    public void add(Account account) {
        if (!Account.isValidName(account.name())) {
            throw new IllegalArgumentException("a user name is 1-64 letters, digits or ._@-");
        }
        if (find(account.name()).isPresent()) {
            throw new IllegalArgumentException("user " + account.name() + " already exists");
        }
        long now = Instant.now().truncatedTo(ChronoUnit.MICROS).toEpochMilli() * 1000;
        update("add user", "INSERT INTO web_users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                account.name(), account.role().toString(), account.password().toString(), now);
    }

    @Override
    public Optional<Account> find(String name) {
        return query("find user", "SELECT name, role, password_hash FROM web_users WHERE name = ?", name)
                .stream().findFirst();
    }

    @Override
    public List<Account> list() {
        return query("list users", "SELECT name, role, password_hash FROM web_users ORDER BY name");
    }

    @Override
    public boolean isEmpty() {
        return list().isEmpty();
    }

    @Override
    public boolean setApiTokenHash(String name, String tokenSha256Hex) {
        return update("set api token", "UPDATE web_users SET api_token_hash = ? WHERE name = ?",
                tokenSha256Hex, name) == 1;
    }

    @Override
    public Optional<Account> findByApiToken(String tokenSha256Hex) {
        return query("find api token", "SELECT name, role, password_hash FROM web_users WHERE api_token_hash = ?",
                tokenSha256Hex).stream().findFirst();
    }

    @Override
    public void close() {
        pool.close();
    }

    private int update(String what, String sql, Object... params) {
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private List<Account> query(String what, String sql, Object... params) {
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            List<Account> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Account(rs.getString(1), Role.parse(rs.getString(2)),
                            PasswordHash.parse(rs.getString(3))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
    }
}
