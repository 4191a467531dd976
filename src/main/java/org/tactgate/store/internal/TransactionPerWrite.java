package org.tactgate.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Each write borrows a pooled connection and commits on its own. Concurrency comes from the pool;
 * the database merges concurrent commits' log flushes itself (PostgreSQL does).
 *
 * <p>Thread-safe as its pool is.
 */
public final class TransactionPerWrite implements Writes {
    private final DataSource pool;

    public TransactionPerWrite(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public <T> T run(String messageId, String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return Transaction.commit(connection, work);
        } catch (SQLException | RuntimeException e) {
            throw Transaction.failure(what, e);
        }
    }

    @Override
    public void close() {
        // the pool belongs to the Database, which closes it
    }
}
