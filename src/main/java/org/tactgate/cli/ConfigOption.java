package org.tactgate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tactgate.config.ConfigException;
import org.tactgate.config.Settings;
import org.tactgate.config.SettingsLoader;
import org.tactgate.config.TactgateHome;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which settings file a command reads, the same rule for every command that reads one:
 * {@code --config FILE} when given, else the environment variable {@code TACTGATE_CONFIG}, else
 * {@code config/tactgate.properties} under the Tactgate home ({@link TactgateHome}). A file that
 * is not there is a {@link ConfigException} naming where it was looked for, never a stack trace.
 * Mixed into each command ({@code @Mixin}); the environment is the one {@link Main#run(Map, String...)}
 * was given, so tests can stand in for it.
 */
final class ConfigOption {
    static final String ENV = "TACTGATE_CONFIG";
    static final String DEFAULT = "config/tactgate.properties";

    @Option(names = "--config", paramLabel = "FILE",
            description = "settings file (default: $" + ENV + " if set, else " + DEFAULT + " under the Tactgate home)")
    Path option;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The settings file to read; throws {@link ConfigException} naming where it looked when it is not there. */
    Path file() {
        return find(option, environment());
    }

    /** The settings file, loaded and validated ({@link SettingsLoader#load(Path)}). */
    Settings settings() {
        return SettingsLoader.load(file());
    }

    static Path find(Path option, Map<String, String> env) {
        if (option != null) {
            return existing(option, "--config", "");
        }
        String set = env.get(ENV);
        if (set != null && !set.isBlank()) {
            return existing(Path.of(set), ENV, "");
        }
        Path home = TactgateHome.find(env::get);
        return existing(home.resolve(DEFAULT), "default settings file", " (neither --config nor " + ENV
                + " given; the default is " + DEFAULT + " under the Tactgate home " + home + ")");
    }

    private static Path existing(Path file, String source, String note) {
        if (!Files.exists(file)) {
            throw new ConfigException(file, source, "no such file" + note);
        }
        return file;
    }

    private Map<String, String> environment() {
        Object root = command == null ? null : command.root().userObject();
        return root instanceof Main main ? main.environment() : System.getenv();
    }
}
