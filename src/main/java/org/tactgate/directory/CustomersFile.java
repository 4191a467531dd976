package org.tactgate.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code customers.csv}: header {@code name,emails,domains,aliases}, lists inside a field
 * separated by ';', fields optionally double-quoted (RFC 4180, "" for a quote).
 *
 * <p>SECURITY: the file is written by an admin but may come from a CRM export: malformed rows
 * are skipped, never fatal.
 */
final class CustomersFile {

    private CustomersFile() {
    }

    static List<Customer> read(Path file) throws IOException {
        List<Customer> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || i == 0 && line.toLowerCase(Locale.ROOT).startsWith("name,")) {
                continue;
            }
            List<String> f = fields(line.startsWith("\uFEFF") ? line.substring(1) : line);
            if (f.isEmpty() || f.get(0).isBlank()) {
                continue;
            }
            out.add(new Customer(f.get(0).strip(), list(f, 1, true), list(f, 2, true), list(f, 3, false)));
        }
        return out;
    }

    private static List<String> list(List<String> fields, int index, boolean lowerCase) {
        if (index >= fields.size()) {
            return List.of();
        }
        return Arrays.stream(fields.get(index).split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> lowerCase ? s.toLowerCase(Locale.ROOT) : s)
                .toList();
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
