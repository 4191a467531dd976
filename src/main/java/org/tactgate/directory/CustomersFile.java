package org.tactgate.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code customers.file}: UTF-8 CSV (RFC 4180: fields in double quotes may hold commas, line
 * breaks and "" for a quote), a header row naming the columns ({@link CustomerColumns}), lists
 * inside a field separated by ';'.
 *
 * <p>SECURITY: the file is written by an admin but often comes from a CRM export. A bad row is
 * reported with its line and skipped, never fatal; only a file that cannot be read as a whole
 * (missing, not UTF-8, no usable header, a quote never closed) is an error.
 */
final class CustomersFile {

    private CustomersFile() {
    }

    /** Throws an {@link IOException} whose message says what is wrong, without the file's name. */
    static CustomerList read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvRows rows = new CsvRows(in)) {
            CustomerColumns columns = CustomerColumns.of(rows.next()
                    .orElseThrow(() -> new IOException("empty file: the first row must name the columns")).fields());
            List<Customer> customers = new ArrayList<>();
            List<BadRow> bad = new ArrayList<>();
            for (Optional<CsvRows.Row> row = rows.next(); row.isPresent(); row = rows.next()) {
                Customer c = columns.customer(row.get().fields());
                Optional<String> problem = columns.overflow(row.get().fields()).or(() -> CustomerRules.problem(c));
                if (problem.isPresent()) {
                    bad.add(new BadRow(row.get().line(), problem.get()));
                } else {
                    customers.add(c);
                }
            }
            return new CustomerList(file, customers, bad, columns.unknown());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new IOException(where + e.getOriginalMessage(), e);
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text (export it as \"CSV UTF-8\")", e);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("permission denied", e);
        }
    }
}
