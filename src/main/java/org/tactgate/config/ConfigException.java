package org.tactgate.config;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A setting that cannot be used: names the file, the line (when the key is written in the file;
 * a default has no line) and the key, so an admin can fix it before a restart. The message is one
 * line, {@code FILE, line N: KEY: PROBLEM}, and says what would be accepted.
 */
public final class ConfigException extends RuntimeException {
    private final String key;
    private final Path file;
    private final OptionalInt line;

    public ConfigException(Path file, String key, String problem) {
        this(file, key, OptionalInt.empty(), problem);
    }

    public ConfigException(Path file, String key, OptionalInt line, String problem) {
        super(file + line.stream().mapToObj(n -> ", line " + n).findFirst().orElse("") + ": " + key + ": " + problem);
        this.key = key;
        this.file = file;
        this.line = line;
    }

    public String key() { return key; }

    public Path file() { return file; }

    /** The line the key is written on; empty for a default or a problem with the whole file. */
    public OptionalInt line() { return line; }
}
