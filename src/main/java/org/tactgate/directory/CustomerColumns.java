package org.tactgate.directory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the columns of {@code customers.file} sit, as its header names them: in any order, case
 * and surrounding spaces ignored. {@code name} and {@code emails} must be there; {@code domains}
 * and {@code aliases} may be; other columns (a CRM export's notes, owner, ...) are ignored.
 */
final class CustomerColumns {
    static final List<String> KNOWN = List.of("name", "emails", "domains", "aliases");
    private static final List<String> REQUIRED = List.of("name", "emails");

    private final Map<String, Integer> positions;
    private final List<String> unknown;
    private final int width;

    private CustomerColumns(Map<String, Integer> positions, List<String> unknown, int width) {
        this.positions = Map.copyOf(positions);
        this.unknown = List.copyOf(unknown);
        this.width = width;
    }

    /** Reads the header row; throws when it names a known column twice or lacks a required one. */
    static CustomerColumns of(List<String> header) throws IOException {
        Map<String, Integer> positions = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(column)) {
                // a trailing comma in the header names no column: nothing to warn about
                if (!column.isEmpty()) {
                    unknown.add(header.get(i).strip());
                }
            } else if (positions.putIfAbsent(column, i) != null) {
                throw new IOException("the header names the column '" + column + "' twice");
            }
        }
        for (String column : REQUIRED) {
            if (!positions.containsKey(column)) {
                throw new IOException("the header has no '" + column + "' column (the first row must name the columns: "
                        + String.join(",", KNOWN) + "; it reads " + String.join(",", header) + ")");
            }
        }
        return new CustomerColumns(positions, unknown, header.size());
    }

    /** Header names that are not ours, as written. */
    List<String> unknown() {
        return unknown;
    }

    /** The row's customer as written: fields stripped, lists split at ';', addresses and domains lower-cased. */
    Customer customer(List<String> row) {
        return new Customer(field(row, "name").strip(), list(row, "emails", true), list(row, "domains", true),
                list(row, "aliases", false));
    }

    /** What is wrong when a row has values past the header's last column: most often an unquoted comma. */
    Optional<String> overflow(List<String> row) {
        for (int i = width; i < row.size(); i++) {
            if (!row.get(i).isBlank()) {
                return Optional.of(row.size() + " fields where the header names " + width
                        + " columns (a comma inside a field needs the field in double quotes)");
            }
        }
        return Optional.empty();
    }

    private String field(List<String> row, String column) {
        Integer at = positions.get(column);
        return at == null || at >= row.size() ? "" : row.get(at);
    }

    private List<String> list(List<String> row, String column, boolean lowerCase) {
        List<String> out = new ArrayList<>();
        for (String item : field(row, column).split(";")) {
            String s = item.strip();
            if (!s.isEmpty()) {
                out.add(lowerCase ? s.toLowerCase(Locale.ROOT) : s);
            }
        }
        return out;
    }
}
