package org.tactgate.cli;

import java.nio.file.Path;
import org.tactgate.config.Settings;
import org.tactgate.config.SettingsLoader;
import org.tactgate.store.JdbcMessageStore;
import org.tactgate.store.MessageStore;
import picocli.CommandLine.Option;

/**
 * The options every command working on the store directly shares: which settings file. The store
 * is attached without touching the delivery leases of a relay that may be running beside it.
 */
final class StoreTool {
    @Option(names = "--config", description = "settings file (default: ${DEFAULT-VALUE})",
            defaultValue = "config/tactgate.properties")
    Path config;

    Settings settings() {
        return SettingsLoader.load(config);
    }

    static MessageStore open(Settings settings) {
        return JdbcMessageStore.attach(settings.store());
    }
}
