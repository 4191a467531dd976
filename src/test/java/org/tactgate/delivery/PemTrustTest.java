package org.tactgate.delivery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad {@code upstream.tls.trust-file} stops startup with the file's name, never later per message. */
class PemTrustTest {
    @TempDir
    Path dir;

    @Test
    void fileWithoutCertificateShouldBeRefusedNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemTrust.socketFactory(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upstream.tls.trust-file").hasMessageContaining(file.toString());
    }

    @Test
    void missingFileShouldBeRefusedNamingTheFile() {
        Path file = dir.resolve("absent.pem");
        assertThatThrownBy(() -> PemTrust.socketFactory(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read upstream.tls.trust-file " + file);
    }
}
