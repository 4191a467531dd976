package org.tactgate.config;

import java.nio.file.Path;

/** A setting that cannot be used: names the key and the file so an admin can fix it before a restart. */
public final class ConfigException extends RuntimeException {
    private final String key;
    private final Path file;

    public ConfigException(Path file, String key, String problem) {
        super(file + ": " + key + ": " + problem);
        this.key = key;
        this.file = file;
    }

    public String key() { return key; }

    public Path file() { return file; }
}
