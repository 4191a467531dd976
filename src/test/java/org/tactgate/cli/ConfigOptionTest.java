package org.tactgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command that reads settings finds them the same way ({@link ConfigOption}): {@code --config},
 * else {@code TACTGATE_CONFIG}, else the default under the Tactgate home. Each command is run with a
 * settings file holding one bad value, so the error it prints shows which file it read.
 */
class ConfigOptionTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** Each command that reads settings, with the arguments it needs besides them. */
    static Stream<List<String>> commands() {
        return Stream.of(List.of("serve"), List.of("config-check"), List.of("check", "none.eml"),
                List.of("user", "add", "rita", "--role", "reviewer"), List.of("user", "token", "rita"), List.of("user", "list"),
                List.of("quarantine", "list"), List.of("quarantine", "show", "x1"), List.of("quarantine", "release", "x1"),
                List.of("quarantine", "bounce", "x1", "--reason", "r"), List.of("quarantine", "delete", "x1", "--reason", "r"),
                List.of("audit", "list"), List.of("audit", "export", "--format", "csv"));
    }

    private Path badSettings(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "delivery.workers = 0\n");
    }

    private static String[] args(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandShouldReadTheFileNamedByTactgateConfig(List<String> command) throws Exception {
        Path settings = badSettings("from-env.properties");
        int exit = Main.run(Map.of("TACTGATE_CONFIG", settings.toString()), args(command));
        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains(settings + ", line 1: delivery.workers");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void configOptionShouldWinOverTactgateConfig(List<String> command) throws Exception {
        Path fromEnv = badSettings("from-env.properties");
        Path given = badSettings("given.properties");
        int exit = Main.run(Map.of("TACTGATE_CONFIG", fromEnv.toString()), args(command, "--config", given.toString()));
        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains(given + ", line 1: delivery.workers").doesNotContain(fromEnv.toString());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandShouldFallBackToTheDefaultUnderTheTactgateHome(List<String> command) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/config"));
        Path settings = Files.writeString(home.resolve("tactgate.properties"), "delivery.workers = 0\n");
        int exit = Main.run(Map.of("TACTGATE_HOME", dir.resolve("home").toString()), args(command));
        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains(settings + ", line 1: delivery.workers");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aMissingFileShouldBeOneLineNamingWhereItLooked(List<String> command) {
        Path missing = dir.resolve("nope.properties");
        assertThat(Main.run(Map.of("TACTGATE_CONFIG", missing.toString()), args(command))).isEqualTo(2);
        assertThat(tactgateLines()).containsExactly(missing + ": TACTGATE_CONFIG: no such file");
        assertThat(console.err()).doesNotContain("Exception").doesNotContain("\tat ");

        console.clear();
        assertThat(Main.run(Map.of(), args(command, "--config", missing.toString()))).isEqualTo(2);
        assertThat(tactgateLines()).containsExactly(missing + ": --config: no such file");

        console.clear();
        Path home = dir.resolve("empty-home");
        assertThat(Main.run(Map.of("TACTGATE_HOME", home.toString()), args(command))).isEqualTo(2);
        assertThat(tactgateLines()).containsExactly(home.resolve("config/tactgate.properties")
                + ": default settings file: no such file (neither --config nor TACTGATE_CONFIG given; the default is "
                + "config/tactgate.properties under the Tactgate home " + home + ")");
    }

    /** What the command said about the settings, without the prefix each command puts before it. */
    private List<String> tactgateLines() {
        return console.err().lines().filter(l -> l.startsWith("tactgate")).map(l -> l.replaceFirst("^tactgate[^:]*: [^:]*: ", ""))
                .toList();
    }

    @Test
    void aCommandShouldWorkOnTheStoreNamedByTactgateConfig() throws Exception {
        Path settings = Files.writeString(dir.resolve("site.properties"),
                "store.url = jdbc:sqlite:" + dir.resolve("t.db") + "\n");
        assertThat(Main.run(Map.of("TACTGATE_CONFIG", settings.toString()), "quarantine", "list")).isZero();
        assertThat(Main.run(Map.of("TACTGATE_CONFIG", settings.toString()), "user", "list")).isZero();
        assertThat(Files.exists(dir.resolve("t.db"))).isTrue();
    }

    @Test
    void everyOptionAndParameterOfEveryCommandShouldHaveADescription() {
        List<String> undescribed = new ArrayList<>();
        walk(Main.commandLine(Map.of()), undescribed);
        assertThat(undescribed).isEmpty();
    }

    private static void walk(CommandLine command, List<String> undescribed) {
        CommandSpec spec = command.getCommandSpec();
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec arg : args) {
            if (Stream.of(arg.description()).allMatch(String::isBlank)) {
                undescribed.add(spec.qualifiedName() + " " + arg.paramLabel()
                        + (arg.isOption() ? " " + String.join("|", ((CommandLine.Model.OptionSpec) arg).names()) : ""));
            }
        }
        command.getSubcommands().values().forEach(sub -> walk(sub, undescribed));
    }
}
