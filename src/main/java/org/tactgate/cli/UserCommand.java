package org.tactgate.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tactgate.config.ConfigException;
import org.tactgate.config.Settings;
import org.tactgate.smtp.PasswordHash;
import org.tactgate.store.JdbcMessageStore;
import org.tactgate.store.MessageStore;
import org.tactgate.store.StoreException;
import org.tactgate.web.Account;
import org.tactgate.web.ApiTokens;
import org.tactgate.web.JdbcUserStore;
import org.tactgate.web.Role;
import org.tactgate.web.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tactgate user add NAME --role reviewer|admin} (password from the terminal, or the first
 * line of stdin when piped), {@code tactgate user token NAME} (prints a new API token once) and
 * {@code tactgate user list}. Works on the store named by the settings file.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage review console users.",
        subcommands = {UserCommand.Add.class, UserCommand.Token.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {
    static final int MIN_PASSWORD = 10;

    @Override
    public void run() {
        System.err.println("usage: tactgate user add|token|list … (see --help)");
    }

    /** The settings, or empty when they cannot be used (said on stderr; the command exits 2). */
    private static Optional<Settings> settings(ConfigOption config) {
        try {
            return Optional.of(config.settings());
        } catch (ConfigException e) {
            System.err.println("tactgate: configuration error: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Runs work on the user accounts of the configured store; exit 2 for bad settings, 1 for a store error. */
    private static int withUsers(ConfigOption config, UserWork work) {
        return settings(config).map(s -> withUsers(s, work)).orElse(2);
    }

    private static int withUsers(Settings settings, UserWork work) {
        // opening the message store migrates the schema, users table included
        try (MessageStore ignored = JdbcMessageStore.open(settings.store());
             UserStore users = JdbcUserStore.open(settings.store())) {
            return work.run(users);
        } catch (StoreException e) {
            System.err.println("tactgate: store error: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("tactgate: " + e.getMessage());
            return 1;
        }
    }

    @FunctionalInterface
    private interface UserWork {
        int run(UserStore users);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a console user.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", description = "login name") String name;
        @Option(names = "--role", required = true, description = "reviewer or admin") String role;
        @Mixin ConfigOption config;

        @Override
        public Integer call() throws IOException {
            // the settings first, so a wrong file is said before a password is asked for
            Optional<Settings> settings = settings(config);
            if (settings.isEmpty()) {
                return 2;
            }
            Role parsed;
            try {
                parsed = Role.parse(role);
            } catch (IllegalArgumentException e) {
                System.err.println("tactgate: --role is reviewer or admin");
                return 2;
            }
            char[] password = readPassword();
            if (password.length < MIN_PASSWORD) {
                System.err.println("tactgate: the password needs at least " + MIN_PASSWORD + " characters");
                return 2;
            }
            PasswordHash hash = PasswordHash.hash(password);
            Arrays.fill(password, '\0');
            return withUsers(settings.get(), users -> {
                users.add(new Account(name, parsed, hash));
                System.out.println("added " + parsed + " " + name);
                return 0;
            });
        }

        private static char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password: ");
                char[] again = console.readPassword("Again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    return new char[0];
                }
                return first;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Make a new API token for a user (replaces the old one).")
    static final class Token implements Callable<Integer> {
        @Parameters(index = "0", description = "login name") String name;
        @Mixin ConfigOption config;

        @Override
        public Integer call() {
            return withUsers(config, users -> ApiTokens.issue(users, name).map(token -> {
                System.out.println(token);
                return 0;
            }).orElseGet(() -> {
                // the usual slip is a token asked for before the account was made: say how to make it
                System.err.println("tactgate: " + noSuchUser(name, config));
                return 2;
            }));
        }

        /** The one line for a name with no account, with the command that makes it (same settings file). */
        private static String noSuchUser(String name, ConfigOption config) {
            String settings = config.option == null ? "" : " --config " + config.option;
            return "no user " + name + "; add one with: tactgate user add " + name + " --role reviewer|admin" + settings;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List console users.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin ConfigOption config;
        @Option(names = "--format", defaultValue = "text", description = Listing.FORMAT_HELP + " (name, role)")
        Listing.Format format;

        @Override
        public Integer call() {
            return withUsers(config, users -> {
                if (format == Listing.Format.json) {
                    Listing json = new Listing();
                    users.list().forEach(a -> json.row().put("name", a.name()).put("role", a.role().toString()));
                    json.print(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
                } else {
                    users.list().forEach(a -> System.out.println(a.name() + "\t" + a.role()));
                }
                return 0;
            });
        }
    }
}
