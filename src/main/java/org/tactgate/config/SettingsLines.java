package org.tactgate.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.commons.configuration2.PropertiesConfiguration.PropertiesReader;

/**
 * Reads a settings file into its keys, each with its raw value and the line it starts on. The
 * library's reader does the properties syntax (escapes, continuation lines); this class adds the
 * line numbers it does not keep. A key written twice is an error: the library would keep the first
 * value without a word, Postfix keeps the last, and whichever wins, the file says two things.
 */
final class SettingsLines {
    private SettingsLines() {
    }

    static Map<String, Entry> read(Path file) {
        String text = text(file);
        String[] lines = text.split("\r\n|\r|\n", -1);
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (PropertiesReader reader = new PropertiesReader(new StringReader(text))) {
            int consumed = 0;
            while (reader.nextProperty()) {
                // the reader only knows where a property ends; it starts on the first line after the
                // previous one that is neither blank nor a comment
                int line = firstContentLine(lines, consumed);
                consumed = reader.getLineNumber();
                Entry entry = new Entry(reader.getPropertyName(), reader.getPropertyValue(), line);
                Entry earlier = entries.putIfAbsent(entry.key(), entry);
                if (earlier != null) {
                    throw new ConfigException(file, entry.key(), OptionalInt.of(line), "given twice, first on line "
                            + earlier.line() + "; keep one of the two lines");
                }
            }
        } catch (IOException e) {
            throw new ConfigException(file, "(file)", "cannot parse: " + e.getMessage());
        }
        return entries;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "(file)", "cannot read the settings file: no such file");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, "(file)", "not UTF-8; save the file as UTF-8");
        } catch (IOException e) {
            throw new ConfigException(file, "(file)", "cannot read the settings file: " + e.getMessage());
        }
    }

    private static int firstContentLine(String[] lines, int after) {
        for (int i = after; i < lines.length; i++) {
            String t = lines[i].strip();
            if (!t.isEmpty() && t.charAt(0) != '#' && t.charAt(0) != '!') {
                return i + 1;
            }
        }
        return after + 1;
    }
}
