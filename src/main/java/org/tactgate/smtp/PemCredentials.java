package org.tactgate.smtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's STARTTLS identity read from PEM files with the JDK only: a certificate chain
 * (leaf first) and an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}), RSA or EC;
 * the key algorithm is taken from the leaf certificate's public key. Public so that the start
 * check can read the two files one at a time and blame the right setting.
 */
public final class PemCredentials {
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PemCredentials() {
    }

    /**
     * Builds a server {@link SSLContext}. Throws {@link IllegalArgumentException} naming the file
     * when a file cannot be read or holds something else than expected.
     */
    static SSLContext sslContext(Path certificateFile, Path keyFile) {
        return sslContext(readChain(certificateFile), certificateFile, keyFile);
    }

    /**
     * As {@link #sslContext(Path, Path)}, with the chain already read by {@link #readChain}: every
     * problem left is about the key file (unreadable, not PKCS#8, not the leaf's key).
     */
    public static SSLContext sslContext(Certificate[] chain, Path certificateFile, Path keyFile) {
        PrivateKey key = readKey(keyFile, chain[0].getPublicKey().getAlgorithm());
        checkPair(chain[0], key, certificateFile, keyFile);
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("smtp", key, password, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("certificate " + certificateFile + " and key " + keyFile
                    + " do not make a TLS identity: " + e.getMessage(), e);
        }
    }

    /** A key from another certificate would only fail at the first client's handshake; fail now. */
    private static void checkPair(Certificate leaf, PrivateKey key, Path certificateFile, Path keyFile) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
        byte[] challenge = "tactgate".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // falls through to the mismatch report
        }
        throw new IllegalArgumentException("private key " + keyFile + " does not belong to the first certificate in "
                + certificateFile);
    }

    /** The chain in {@code file}, leaf first; throws {@link IllegalArgumentException} naming the file. */
    public static Certificate[] readChain(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + file);
            }
            return certificates.toArray(new Certificate[0]);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read certificate chain " + file + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(Path file, String algorithm) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read private key " + file + ": " + e.getMessage(), e);
        }
        Matcher matcher = PKCS8.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no unencrypted PKCS#8 key (BEGIN PRIVATE KEY) in " + file
                    + "; convert with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read " + algorithm + " private key " + file + ": " + e.getMessage(), e);
        }
    }
}
