package org.tactgate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tactgate.config.Settings;
import org.tactgate.config.SettingsFile;

/**
 * The places the relay creates or writes at start: the SQLite store, the notices key and (without
 * an upstream) the outbox. Each must already be writable, or be creatable in the nearest folder
 * that exists, since the relay makes the missing folders itself; a copied settings file whose
 * relative paths now point under {@code /etc} is caught here instead of by a stack trace.
 */
final class WritablePlaces {
    private WritablePlaces() {
    }

    static void check(Settings settings) {
        SettingsFile source = settings.source();
        sqliteFile(settings.store().url()).ifPresent(db -> writable(source, "store.url", db));
        writable(source, "notify.secret-file", settings.notices().secretFile());
        if (settings.delivery().upstream().isEmpty()) {
            writable(source, "delivery.outbox", settings.delivery().outbox());
        }
    }

    private static Optional<Path> sqliteFile(String url) {
        if (!url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:sqlite::memory:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        return Optional.of(Path.of(query < 0 ? rest : rest.substring(0, query)));
    }

    private static void writable(SettingsFile source, String key, Path place) {
        if (Files.exists(place)) {
            if (!Files.isWritable(place) || !Files.isReadable(place)) {
                throw source.refuse(key, place + ": this user cannot read and write it; expected a path this user"
                        + " can write to");
            }
            return;
        }
        Path existing = place.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw source.refuse(key, place + ": cannot be created (" + existing + " is not a folder this user can"
                    + " write to); expected a path this user can write to");
        }
    }
}
