package org.tactgate.store.internal;

/** What differs between the two back ends; everything else is the same SQL. */
public enum Dialect {
    /** Embedded: one node, one writer thread, so a claim needs no row locks. */
    SQLITE("db/migration/sqlite", ""),
    /** Shared by several nodes: claims lock the rows they take and skip the ones others hold. */
    POSTGRESQL("db/migration/postgresql", " FOR UPDATE SKIP LOCKED");

    private final String migrations;
    private final String claimLock;

    Dialect(String migrations, String claimLock) {
        this.migrations = migrations;
        this.claimLock = claimLock;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("only jdbc:sqlite: and jdbc:postgresql: stores are supported: " + jdbcUrl);
    }

    /** Classpath folder of this back end's Flyway migrations. */
    public String migrations() {
        return "classpath:" + migrations;
    }

    /** Appended to the claim query's SELECT. */
    String claimLock() {
        return claimLock;
    }
}
