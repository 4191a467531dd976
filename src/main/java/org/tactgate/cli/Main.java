package org.tactgate.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tactgate}: the one entry point; each stage an admin drives is a subcommand. */
@Command(name = "tactgate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SMTP relay that holds outgoing mail that would hurt a customer relationship.",
        subcommands = {ServeCommand.class, CheckCommand.class, ConfigCheckCommand.class, QuarantineCommand.class,
                AuditCommand.class, UserCommand.class, SmtpUserCommand.class})
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
        return commandLine(environment).execute(args);
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
