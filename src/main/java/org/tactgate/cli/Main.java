package org.tactgate.cli;

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

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
