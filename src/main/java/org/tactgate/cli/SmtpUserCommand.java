package org.tactgate.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.tactgate.smtp.PasswordHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tactgate smtp-user NAME}: prints a line for {@code smtp.auth.users-file}. The password is
 * read from the terminal without echo, or from standard input (first line) when piped, never from
 * the command line where other users could see it in the process list.
 */
@Command(name = "smtp-user", mixinStandardHelpOptions = true,
        description = "Print a users-file line (user:hash) for SMTP AUTH; the password is read from stdin.")
final class SmtpUserCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the user name clients will AUTH as")
    String user;

    @Override
    public Integer call() throws IOException {
        if (user.isBlank() || user.contains(":") || user.chars().anyMatch(Character::isWhitespace)) {
            System.err.println("tactgate: a user name may not be empty or contain ':' or spaces");
            return 2;
        }
        char[] password = readPassword();
        if (password.length == 0) {
            System.err.println("tactgate: empty password refused");
            return 2;
        }
        System.out.println(user + ":" + PasswordHash.hash(password));
        java.util.Arrays.fill(password, '\0');
        return 0;
    }

    private static char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] p = console.readPassword("password: ");
            return p == null ? new char[0] : p;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
