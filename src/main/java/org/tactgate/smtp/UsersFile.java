package org.tactgate.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMTP AUTH users file ({@code smtp.auth.users-file}): one {@code user:hash} per line, where
 * hash is a {@link PasswordHash}; blank lines and lines starting with {@code #} are skipped.
 * Read once at start-up; immutable and thread-safe.
 *
 * <p>SECURITY: an unknown user costs the same PBKDF2 work as a known one (checked against a
 * dummy hash), so response time does not reveal which user names exist.
 */
public final class UsersFile {
    private final Map<String, PasswordHash> users;
    private final PasswordHash dummy;

    private UsersFile(Map<String, PasswordHash> users) {
        this.users = Map.copyOf(users);
        int iterations = users.values().stream().mapToInt(PasswordHash::iterations).max()
                .orElse(PasswordHash.DEFAULT_ITERATIONS);
        this.dummy = PasswordHash.hash("not a password".toCharArray(), iterations);
    }

    /**
     * Loads the file. Throws {@link IllegalArgumentException} naming the file and line of the first
     * bad entry, or {@link UncheckedIOException} naming the file when it cannot be read.
     */
    public static UsersFile load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users file " + file, e);
        }
        Map<String, PasswordHash> users = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw badLine(file, i, "expected user:hash");
            }
            String user = line.substring(0, colon).strip();
            PasswordHash hash;
            try {
                hash = PasswordHash.parse(line.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw badLine(file, i, e.getMessage());
            }
            if (users.putIfAbsent(user, hash) != null) {
                throw badLine(file, i, "user '" + user + "' appears twice");
            }
        }
        return new UsersFile(users);
    }

    /** Whether the user exists and the password matches. */
    public boolean verify(String user, char[] password) {
        Optional<PasswordHash> hash = Optional.ofNullable(users.get(user));
        boolean matches = hash.orElse(dummy).verify(password);
        return hash.isPresent() && matches;
    }

    public int size() {
        return users.size();
    }

    private static IllegalArgumentException badLine(Path file, int index, String problem) {
        return new IllegalArgumentException("users file " + file + ", line " + (index + 1) + ": " + problem);
    }
}
