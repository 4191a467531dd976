package org.tactgate.store;

import org.tactgate.config.StoreSettings;
import org.tactgate.store.internal.Database.WriteMode;

/**
 * The PostgreSQL store with the group-commit writer instead of its default transaction per write
 * (ADR 0001 compares the two): the contract holds either way.
 */
class PostgresGroupCommitMessageStoreTest extends PostgresMessageStoreTest {
    @Override
    MessageStore open(StoreSettings settings) {
        return JdbcMessageStore.open(settings, WriteMode.GROUP_COMMIT);
    }
}
