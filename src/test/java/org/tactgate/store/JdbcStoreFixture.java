package org.tactgate.store;

import org.tactgate.config.StoreSettings;

/**
 * A {@link JdbcMessageStore} that a contract test can close and open again on the same storage.
 * Not thread-safe: one per test.
 */
final class JdbcStoreFixture {
    private final StoreSettings settings;
    private MessageStore store;

    JdbcStoreFixture(StoreSettings settings) {
        this.settings = settings;
        this.store = JdbcMessageStore.open(settings);
    }

    StoreSettings settings() {
        return settings;
    }

    MessageStore store() {
        return store;
    }

    MessageStore reopen() {
        store.close();
        store = JdbcMessageStore.open(settings);
        return store;
    }

    void close() {
        store.close();
    }
}
