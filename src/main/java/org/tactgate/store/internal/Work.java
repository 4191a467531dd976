package org.tactgate.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One unit of database work run on a connection the caller lends; it must not commit, roll
 * back or close that connection (the {@link Writes} or the read path around it does that).
 */
@FunctionalInterface
public interface Work<T> {
    T apply(Connection connection) throws SQLException;
}
