package org.tactgate.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemCredentialsTest {
    @TempDir
    Path dir;

    private static Path tls(String name) {
        return TestSmtpSettings.resource("tls/" + name);
    }

    @Test
    void shouldLoadRsaCertificateAndPkcs8Key() {
        SSLContext context = PemCredentials.sslContext(tls("localhost-rsa.crt"), tls("localhost-rsa.key"));
        assertThat(context.getProtocol()).isEqualTo("TLS");
    }

    @Test
    void shouldLoadEcCertificateAndPkcs8Key() {
        SSLContext context = PemCredentials.sslContext(tls("localhost-ec.crt"), tls("localhost-ec.key"));
        assertThat(context.getServerSocketFactory()).isNotNull();
    }

    @Test
    void shouldRefuseAKeyOfAnotherCertificate() throws Exception {
        // Same algorithm family mismatch is the realistic mistake: RSA cert, a different RSA key.
        Path otherKey = dir.resolve("other.key");
        Path otherCert = dir.resolve("other.crt");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=other", "-keyout", otherKey.toString(), "-out", otherCert.toString())
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor()).isZero();
        assertThatThrownBy(() -> PemCredentials.sslContext(tls("localhost-rsa.crt"), otherKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    }

    @Test
    void shouldExplainHowToConvertAPkcs1Key() throws Exception {
        Path pkcs1 = Files.writeString(dir.resolve("old.key"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemCredentials.sslContext(tls("localhost-rsa.crt"), pkcs1))
                .hasMessageContaining(pkcs1.toString()).hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void shouldNameAFileThatIsNotACertificate() throws Exception {
        Path notCert = Files.writeString(dir.resolve("cert.pem"), "hello\n");
        assertThatThrownBy(() -> PemCredentials.sslContext(notCert, tls("localhost-rsa.key")))
                .hasMessageContaining(notCert.toString());
    }
}
