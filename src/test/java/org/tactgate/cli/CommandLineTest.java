package org.tactgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.smtp.PasswordHash;

class CommandLineTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private InputStream oldIn;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        oldIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.setIn(oldIn);
    }

    @Test
    void configCheckShouldAcceptTheEmbeddedDefault() {
        assertThat(Main.run("config-check", "--config", "config/tactgate.properties")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("smtp.listen     127.0.0.1:2525").contains("outbox");
    }

    @Test
    void configCheckShouldExitNonZeroNamingKeyAndFile() throws Exception {
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "delivery.workers = 0\n");
        assertThat(Main.run("config-check", "--config", bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(bad.toString()).contains("delivery.workers");
    }

    @Test
    void serveShouldRefuseToStartOnABadConfigWithExitCodeTwo() throws Exception {
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "upstream.port = 99999\n");
        assertThat(Main.run("serve", "--config", bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("upstream.port");
    }

    @Test
    void smtpUserShouldPrintALineThatVerifiesThePasswordFromStdin() {
        System.setIn(new ByteArrayInputStream("s3cret words\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("smtp-user", "app-server")).isZero();
        String line = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(line).startsWith("app-server:pbkdf2-sha256$");
        PasswordHash hash = PasswordHash.parse(line.substring("app-server:".length()));
        assertThat(hash.verify("s3cret words".toCharArray())).isTrue();
        assertThat(hash.verify("wrong".toCharArray())).isFalse();
    }
}
