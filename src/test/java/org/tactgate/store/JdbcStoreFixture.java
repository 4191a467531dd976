package org.tactgate.store;

import java.util.function.Function;
import org.tactgate.config.StoreSettings;

/**
 * A {@link JdbcMessageStore} that a contract test can close and open again on the same storage.
 * Not thread-safe: one per test.
 */
final class JdbcStoreFixture {
    private final StoreSettings settings;
    private final Function<StoreSettings, MessageStore> opener;
    private MessageStore store;

    JdbcStoreFixture(StoreSettings settings) {
        this(settings, JdbcMessageStore::open);
    }

    JdbcStoreFixture(StoreSettings settings, Function<StoreSettings, MessageStore> opener) {
        this.settings = settings;
        this.opener = opener;
        this.store = opener.apply(settings);
    }

    StoreSettings settings() {
        return settings;
    }

    MessageStore store() {
        return store;
    }

    MessageStore reopen() {
        store.close();
        store = opener.apply(settings);
        return store;
    }

    void close() {
        store.close();
    }
}
