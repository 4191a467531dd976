package org.tactgate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tactgate.config.ConfigException;
import org.tactgate.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tactgate config-check}: refuses what {@code serve} would refuse ({@link StartCheck}), before a restart. */
@Command(name = "config-check", mixinStandardHelpOptions = true,
        description = "Check a settings file as serve would before starting (files, TLS material, free ports) "
                + "and print what it resolves to; exit 2 on the first error.")
final class ConfigCheckCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        Path file;
        StartCheck.Result checked;
        try {
            file = config.file();
            checked = StartCheck.run(file, problem -> System.err.println("tactgate: warning: " + problem));
        } catch (ConfigException e) {
            System.err.println("tactgate: configuration error: " + e.getMessage());
            return 2;
        }
        Settings s = checked.settings();
        System.out.println(file + ": ok");
        System.out.println("  smtp.listen     " + s.smtp().listen());
        System.out.println("  store.url       " + s.store().url());
        System.out.println("  delivers to     " + s.delivery().upstream()
                .map(h -> "upstream " + h).orElse("outbox " + s.delivery().outbox()));
        System.out.println("  policy.file     " + s.policy().file().map(Path::toString).orElse("(built-in rules)"));
        System.out.println("  web.listen      " + s.webListen());
        System.out.println("  web.base-url    " + s.notices().baseUrl());
        checked.customers().ifPresent(c -> System.out.println("  customers.file  " + c.file() + " ("
                + c.customers().size() + " customers, " + c.badRows().size() + " rows skipped)"));
        return 0;
    }
}
