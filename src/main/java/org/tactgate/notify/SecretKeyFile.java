package org.tactgate.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key of one-click links ({@code notify.secret-file}): base64 text. If the file does not
 * exist it is created (owner-only permissions where the file system has them) with 32 random
 * bytes, and reused on every later start, so links survive restarts. Several nodes must share
 * the file's content.
 */
public final class SecretKeyFile {
    private static final int BYTES = 32;

    private SecretKeyFile() {
    }

    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < BYTES) {
                throw new IllegalStateException(file + ": the link key must hold at least " + BYTES + " bytes (base64)");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the link key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": the link key is not base64", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first: use theirs
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's permissions protect it
        }
    }
}
