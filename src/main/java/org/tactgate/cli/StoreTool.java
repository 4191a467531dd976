package org.tactgate.cli;

import org.tactgate.config.Settings;
import org.tactgate.store.JdbcMessageStore;
import org.tactgate.store.MessageStore;

/**
 * How the commands working on the store directly open it: attached without touching the delivery
 * leases of a relay that may be running beside it. Which settings file names it is {@link ConfigOption}'s rule.
 */
final class StoreTool {
    private StoreTool() {
    }

    static MessageStore open(Settings settings) {
        return JdbcMessageStore.attach(settings.store());
    }
}
