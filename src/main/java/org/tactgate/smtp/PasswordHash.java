package org.tactgate.smtp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash as written in the users file:
 * {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}. Uses the JDK only.
 *
 * <p>SECURITY: {@link #verify} compares in constant time. {@link #parse} bounds the iteration
 * count so a hand-edited file cannot make one login burn minutes of CPU. Passwords are taken as
 * {@code char[]} so callers can clear them. Immutable and thread-safe.
 */
public final class PasswordHash {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a new password with a fresh random salt and {@link #DEFAULT_ITERATIONS}. */
    public static PasswordHash hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /** Hashes with a chosen iteration count (tests use a small one to stay fast). */
    public static PasswordHash hash(char[] password, int iterations) {
        checkIterations(iterations);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BITS));
    }

    /** Reads the encoded form; throws {@link IllegalArgumentException} saying what is wrong. */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded.trim().split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("expected " + SCHEME + "$iterations$salt$hash");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iteration count is not a number");
        }
        checkIterations(iterations);
        byte[] salt;
        byte[] hash;
        try {
            salt = Base64.getDecoder().decode(parts[2]);
            hash = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("salt or hash is not valid base64");
        }
        if (salt.length < 8 || hash.length < 16) {
            throw new IllegalArgumentException("salt or hash too short");
        }
        return new PasswordHash(iterations, salt, hash);
    }

    /** Whether the password produces this hash. */
    public boolean verify(char[] password) {
        byte[] candidate = derive(password, salt, iterations, hash.length * 8);
        return MessageDigest.isEqual(candidate, hash);
    }

    public int iterations() {
        return iterations;
    }

    /** The encoded form, as written in the users file. */
    @Override
    public String toString() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static void checkIterations(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iteration count out of range 1.." + MAX_ITERATIONS);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret((KeySpec) spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime ships this algorithm; its absence is a broken JDK, not bad input.
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}
