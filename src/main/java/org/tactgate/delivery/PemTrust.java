package org.tactgate.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The upstream certificates to trust ({@code upstream.tls.trust-file}), read from a PEM file with
 * the JDK only: every certificate in the file is a trust anchor (a private CA, or the smarthost's
 * own self-signed certificate), and nothing else is trusted, the JVM's CAs included.
 */
public final class PemTrust {
    private PemTrust() {
    }

    /**
     * A client socket factory that accepts only chains ending at a certificate of {@code file}.
     * Throws {@link IllegalArgumentException} naming the file when it cannot be read or holds no
     * certificate, so a bad setting stops startup rather than every delivery.
     */
    public static SSLSocketFactory socketFactory(Path file) {
        List<? extends Certificate> anchors = read(file);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("upstream-" + i, anchors.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot trust the certificates in upstream.tls.trust-file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<? extends Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<? extends Certificate> certificates =
                    List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no PEM certificate in upstream.tls.trust-file " + file);
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read upstream.tls.trust-file " + file + ": " + e.getMessage(), e);
        }
    }
}
