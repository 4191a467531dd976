package org.tactgate.smtp;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Client {@link SSLContext}s that trust exactly one committed test certificate. */
final class TestTls {
    private TestTls() {
    }

    static SSLContext trustingTestCertificate() throws Exception {
        return trusting("tls/localhost-rsa.crt");
    }

    /** A client {@link SSLContext} that trusts exactly the committed certificate {@code resource}. */
    static SSLContext trusting(String resource) throws Exception {
        Certificate certificate;
        try (InputStream in = Files.newInputStream(TestSmtpSettings.resource(resource))) {
            certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("localhost", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
