package org.tactgate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tactgate.config.StoreSettings;

/**
 * A site for command tests in a temp folder: a settings file naming a SQLite store beside it
 * ({@code data/t.db}), and the settings a test opens that same store with.
 *
 * @param config the settings file, for {@code --config}
 * @param store  the store it names
 */
record SqliteSite(String config, StoreSettings store) {

    static SqliteSite in(Path dir) throws IOException {
        String config = Files.writeString(dir.resolve("tactgate.properties"), "store.url = jdbc:sqlite:data/t.db\n")
                .toString();
        return new SqliteSite(config, new StoreSettings("jdbc:sqlite:" + dir.resolve("data/t.db"), Optional.empty(),
                Optional.empty()));
    }
}
