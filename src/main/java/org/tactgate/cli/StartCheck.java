package org.tactgate.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tactgate.config.ConfigException;
import org.tactgate.config.Settings;
import org.tactgate.config.SettingsFile;
import org.tactgate.config.SettingsLoader;
import org.tactgate.directory.CustomerList;
import org.tactgate.directory.CustomersCheck;

/**
 * Everything {@code serve} refuses to start on, checked before it starts anything; and what
 * {@code config-check} runs instead of starting. Both commands call {@link #run} and nothing else
 * to judge a configuration, so config-check can never pass a file serve would refuse. In order:
 * the file itself ({@link SettingsLoader}: syntax, values, duplicates, rules between keys), the
 * customers file ({@link CustomersCheck}), the other files and TLS material ({@link SiteFiles}),
 * and the listening ports ({@link Listeners}). Each problem is one {@link ConfigException} naming
 * the settings file, the key's line and the key, and saying what would be accepted.
 */
final class StartCheck {
    /** A configuration that passed, with the customers it names (for config-check's summary). */
    record Result(Settings settings, Optional<CustomerList> customers) {
    }

    private StartCheck() {
    }

    /**
     * @param warnings receives one line per problem that does not stop a start (a skipped customer row)
     * @throws ConfigException for the first problem that does
     */
    static Result run(Path config, Consumer<String> warnings) {
        Settings settings = SettingsLoader.load(config);
        Optional<CustomerList> customers = CustomersCheck.check(settings, warnings);
        SiteFiles.check(settings);
        Listeners.check(settings);
        return new Result(settings, customers);
    }

    /**
     * Runs {@code step}, turning what a component throws for bad input into an error about
     * {@code key}; {@code accepted} is appended when the component's message does not already say
     * what would do. Any runtime exception counts: the readers throw their own kinds (the policy
     * file's, unchecked I/O), and a stack trace is never the answer to a setting.
     */
    static <T> T about(SettingsFile source, String key, String accepted, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw source.refuse(key, accepted.isEmpty() ? problem : problem + "; " + accepted);
        }
    }
}
