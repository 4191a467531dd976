package org.tactgate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tactgate}: the one entry point; each stage an admin drives is a subcommand. */
@Command(name = "tactgate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SMTP relay that holds outgoing mail that would hurt a customer relationship.",
        subcommands = {ServeCommand.class, CheckCommand.class, ConfigCheckCommand.class, QuarantineCommand.class,
                QueueCommand.class, AuditCommand.class, UserCommand.class, SmtpUserCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    /** The command tree over the process's environment. */
    public Main() {
        this(System.getenv());
    }

    private Main(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    /** As {@link #run(String...)}, with {@code environment} standing for the process's ({@code TACTGATE_CONFIG}, {@code TACTGATE_HOME}). */
    static int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = commandLine(environment);
        commandLine.setExecutionStrategy(parsed -> {
            setLogLevel(parsed, environment);
            return new CommandLine.RunLast().execute(parsed);
        });
        return commandLine.execute(args);
    }

    /** The environment variable that sets the log level of every command, {@code serve} included. */
    static final String LOG_LEVEL_ENV = "TACTGATE_LOG_LEVEL";

    /**
     * The one place the log level of a command is chosen: {@code serve} logs from INFO, every other
     * command from WARN, so what a command prints is not mixed with log lines; {@value #LOG_LEVEL_ENV}
     * (TRACE, DEBUG, INFO, WARN, ERROR), when set, is the level of every command.
     */
    private static void setLogLevel(CommandLine.ParseResult parsed, Map<String, String> environment) {
        boolean serve = parsed.hasSubcommand() && parsed.subcommand().commandSpec().userObject() instanceof ServeCommand;
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(logLevel(serve, environment));
        }
    }

    /** The root log level of {@code serve} (true) or another command; an unknown level name counts as unset. */
    static Level logLevel(boolean serve, Map<String, String> environment) {
        Level fallback = serve ? Level.INFO : Level.WARN;
        String set = environment.get(LOG_LEVEL_ENV);
        return set == null || set.isBlank() ? fallback : Level.toLevel(set.strip(), fallback);
    }

    /** The command tree, for tests that read its model. */
    static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new Main(environment));
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
