package org.tactgate.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where settings came from: the file and the line each key is written on, kept beside the typed
 * records so that checks made after loading (files, TLS material, ports) can still point at the
 * line an admin has to edit.
 */
public record SettingsFile(Path file, Map<String, Integer> lines) {

    public SettingsFile {
        lines = Map.copyOf(lines);
    }

    /** The line {@code key} is written on; empty when it is not in the file (its default applies). */
    public OptionalInt lineOf(String key) {
        Integer line = lines.get(key);
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }

    /** An error about {@code key}, naming this file and the key's line. */
    public ConfigException refuse(String key, String problem) {
        return new ConfigException(file, key, lineOf(key), problem);
    }
}
