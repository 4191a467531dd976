package org.tactgate.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.tactgate.store.StoreException;

/** Runs work as one transaction on a connection: commit on success, roll back on any failure. */
final class Transaction {
    private Transaction() {
    }

    static <T> T commit(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.apply(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        }
    }

    static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            // the original failure is what the caller needs; keep this one attached to it
            cause.addSuppressed(rollbackFailure);
        }
    }

    /** The caller-facing form of a failure: StoreException, with the cause kept. */
    static StoreException failure(String what, Throwable cause) {
        if (cause instanceof StoreException store) {
            return store;
        }
        return new StoreException(what + " failed: " + cause.getMessage(), cause);
    }
}
