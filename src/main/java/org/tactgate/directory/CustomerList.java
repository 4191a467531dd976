package org.tactgate.directory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading {@code customers.file} found: the customers, the rows skipped and the columns
 * ignored.
 */
public record CustomerList(Path file, List<Customer> customers, List<BadRow> badRows, List<String> unknownColumns) {

    public CustomerList {
        customers = List.copyOf(customers);
        badRows = List.copyOf(badRows);
        unknownColumns = List.copyOf(unknownColumns);
    }

    /**
     * Rows, none of them valid: a broken or half-written file rather than a list. (A header alone
     * lists no customers, which a site that counts every outside address as one may mean.)
     */
    public boolean unusable() {
        return customers.isEmpty() && !badRows.isEmpty();
    }

    /** One line per ignored column and per skipped row, naming the file (and the line), for a log or a terminal. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (String column : unknownColumns) {
            out.add(file + ": column '" + column + "' is not one of " + String.join(", ", CustomerColumns.KNOWN)
                    + "; ignored");
        }
        for (BadRow row : badRows) {
            out.add(file + ", line " + row.line() + ": " + row.reason() + "; row skipped");
        }
        return out;
    }
}
