package org.tactgate.directory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.tactgate.config.ConfigException;
import org.tactgate.config.Settings;

/**
 * {@code customers.file} as {@code serve} and {@code config-check} judge it before a start, so
 * that config-check refuses what serve would. A relay started without its customers would let
 * mail about them through unexamined, so a file that is set must be readable and have at least
 * one valid row when it has rows at all; a header alone lists no customers, which a site that
 * counts every outside address as one may mean. (A running relay that re-reads a broken file
 * keeps its previous list instead: see {@link Directory}.)
 */
public final class CustomersCheck {

    private CustomersCheck() {
    }

    /**
     * Reads the file and hands each ignored column and skipped row to {@code report}, one line each.
     *
     * @return what was read; empty when no {@code customers.file} is set
     * @throws ConfigException naming the settings file, {@code customers.file} and the customers
     *                         file, when it cannot be read or has no valid row
     */
    public static Optional<CustomerList> check(Settings settings, Consumer<String> report) {
        Optional<Path> file = settings.directory().customersFile();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        CustomerList list;
        try {
            list = CustomersFile.read(file.get());
        } catch (IOException e) {
            throw refusal(settings, file.get(), e.getMessage());
        }
        list.problems().forEach(report);
        if (list.unusable()) {
            throw refusal(settings, file.get(), "no valid customer row (" + list.badRows().size() + " skipped)");
        }
        return Optional.of(list);
    }

    private static ConfigException refusal(Settings settings, Path file, String problem) {
        return settings.source().refuse("customers.file", file + ": " + problem);
    }
}
