package org.tactgate.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.tactgate.config.StoreSettings;
import org.tactgate.store.StoreException;

/**
 * The store's connections: a read pool, and a {@link Writes} through which every change goes.
 * Opening migrates the schema (Flyway) before anything else touches it.
 *
 * <p>SQLite: WAL (readers never block the writer), synchronous=FULL (a commit is on disk when it
 * returns), busy_timeout, foreign keys; writes through one {@link GroupCommitWriter} on its own
 * connection, whose transactions begin IMMEDIATE. PostgreSQL: one HikariCP pool; writes as
 * {@link WriteMode#TRANSACTION_PER_WRITE} by default (measured faster there, see ADR 0001).
 *
 * <p>Thread-safe.
 */
public final class Database implements AutoCloseable {
    /** How writes reach the database. */
    public enum WriteMode { GROUP_COMMIT, TRANSACTION_PER_WRITE }

    static final int MAX_BATCH = 64;
    private static final int SQLITE_READERS = 4;
    private static final int POSTGRES_POOL = 16;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int BACKSTOP_CHECKPOINT_PAGES = 20_000;
    private static final long CHECKPOINT_PERIOD_MS = 200;

    private final Dialect dialect;
    private final HikariDataSource readPool;
    private final HikariDataSource writePool;
    private final Writes writes;
    /** Closed after the writes; a no-op on PostgreSQL. */
    private final AutoCloseable housekeeping;

    private Database(Dialect dialect, HikariDataSource readPool, HikariDataSource writePool, Writes writes,
                     AutoCloseable housekeeping) {
        this.dialect = dialect;
        this.readPool = readPool;
        this.writePool = writePool;
        this.writes = writes;
        this.housekeeping = housekeeping;
    }

    public static Database open(StoreSettings settings) {
        Dialect dialect = Dialect.of(settings.url());
        return open(settings, dialect == Dialect.SQLITE ? WriteMode.GROUP_COMMIT : WriteMode.TRANSACTION_PER_WRITE);
    }

    public static Database open(StoreSettings settings, WriteMode mode) {
        Dialect dialect = Dialect.of(settings.url());
        if (dialect == Dialect.SQLITE && mode != WriteMode.GROUP_COMMIT) {
            throw new IllegalArgumentException("SQLite has one writer: only GROUP_COMMIT applies");
        }
        try {
            return dialect == Dialect.SQLITE ? openSqlite(settings.url()) : openPostgres(settings, mode);
        } catch (StoreException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // e.g. the pool's first connection failed; the URL is left out, it may hold a password
            throw new StoreException("cannot open the " + dialect + " store: " + e.getMessage(), e);
        }
    }

    private static Database openSqlite(String url) {
        createParentFolder(url);
        // checkpoints normally run on WalCheckpointer's thread; this is the writer's backstop
        HikariDataSource writePool = pool("tactgate-sqlite-write", sqlite(url, true), 1,
                "PRAGMA wal_autocheckpoint=" + BACKSTOP_CHECKPOINT_PAGES);
        try {
            migrate(writePool, Dialect.SQLITE);
            HikariDataSource readPool = pool("tactgate-sqlite-read", sqlite(url, false), SQLITE_READERS,
                    "PRAGMA query_only=true");
            Writes writes = new GroupCommitWriter(writePool, MAX_BATCH, "tactgate-store-writer");
            WalCheckpointer checkpointer = new WalCheckpointer(sqlite(url, false), CHECKPOINT_PERIOD_MS);
            return new Database(Dialect.SQLITE, readPool, writePool, writes, checkpointer);
        } catch (RuntimeException e) {
            writePool.close();
            throw e;
        }
    }

    private static Database openPostgres(StoreSettings settings, WriteMode mode) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tactgate-postgresql");
        config.setJdbcUrl(settings.url());
        settings.username().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(POSTGRES_POOL);
        // grow on demand: several nodes (and test runs) share the server's max_connections
        config.setMinimumIdle(2);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool, Dialect.POSTGRESQL);
            Writes writes = mode == WriteMode.GROUP_COMMIT
                    ? new GroupCommitWriter(pool, MAX_BATCH, "tactgate-store-writer")
                    : new TransactionPerWrite(pool);
            return new Database(Dialect.POSTGRESQL, pool, pool, writes, () -> { });
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs read-only work on a pooled connection in autocommit mode (one statement, one snapshot). */
    public <T> T read(String what, Work<T> work) {
        try (Connection connection = readPool.getConnection()) {
            return work.apply(connection);
        } catch (SQLException | RuntimeException e) {
            throw Transaction.failure(what, e);
        }
    }

    /** Runs work as one committed transaction; see {@link Writes#run}. */
    public <T> T write(String messageId, String what, Work<T> work) {
        return writes.run(messageId, what, work);
    }

    @Override
    public void close() {
        writes.close();
        try {
            housekeeping.close();
        } catch (Exception e) {
            throw Transaction.failure("close", e);
        }
        readPool.close();
        writePool.close();
    }

    private static DataSource sqlite(String url, boolean writer) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        if (writer) {
            // take the write lock at BEGIN, so a transaction never fails half-way on upgrading it
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    private static HikariDataSource pool(String name, DataSource dataSource, int size, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setConnectionInitSql(initSql);
        config.setPoolName(name);
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }

    private static void migrate(DataSource dataSource, Dialect dialect) {
        try {
            Flyway.configure().dataSource(dataSource).locations(dialect.migrations())
                    .failOnMissingLocations(true).load().migrate();
        } catch (RuntimeException e) {
            throw new StoreException("cannot migrate the store's schema: " + e.getMessage(), e);
        }
    }

    private static void createParentFolder(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            throw new IllegalArgumentException("the SQLite store needs a file path: " + url);
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the store's folder " + parent, e);
        }
    }
}
