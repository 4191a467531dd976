package org.tactgate.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tactgate.config.ConfigException;
import org.tactgate.config.Settings;
import org.tactgate.config.SettingsLoader;
import org.tactgate.directory.CustomerList;
import org.tactgate.directory.CustomersCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tactgate config-check}: validates a settings file before a restart. */
@Command(name = "config-check", mixinStandardHelpOptions = true,
        description = "Validate a settings file and print what it resolves to.")
final class ConfigCheckCommand implements Callable<Integer> {

    @Option(names = "--config", description = "settings file (default: ${DEFAULT-VALUE})",
            defaultValue = "config/tactgate.properties")
    Path config;

    @Override
    public Integer call() {
        try {
            Settings s = SettingsLoader.load(config);
            Optional<CustomerList> customers = CustomersCheck.check(s,
                    problem -> System.err.println("tactgate: warning: " + problem));
            System.out.println(config + ": ok");
            System.out.println("  smtp.listen     " + s.smtp().listen());
            System.out.println("  store.url       " + s.store().url());
            System.out.println("  delivers to     " + s.delivery().upstream()
                    .map(h -> "upstream " + h).orElse("outbox " + s.delivery().outbox()));
            System.out.println("  web.listen      " + s.webListen());
            customers.ifPresent(c -> System.out.println("  customers.file  " + c.file() + " (" + c.customers().size()
                    + " customers, " + c.badRows().size() + " rows skipped)"));
            return 0;
        } catch (ConfigException e) {
            System.err.println("tactgate: configuration error: " + e.getMessage());
            return 2;
        }
    }
}
