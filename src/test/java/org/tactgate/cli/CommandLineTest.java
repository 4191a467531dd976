package org.tactgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.smtp.PasswordHash;

class CommandLineTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void configCheckShouldAcceptTheEmbeddedDefault() {
        // config-check binds the listeners it checks: a relay a developer left running on the
        // embedded default's ports would make this fail for a reason that is not the code's
        org.junit.jupiter.api.Assumptions.assumeTrue(free(2525) && free(8025),
                "ports 2525 and 8025 are in use on this machine (a running relay?): not checked here");
        assertThat(Main.run("config-check", "--config", "config/tactgate.properties")).isZero();
        assertThat(console.out()).contains("smtp.listen     127.0.0.1:2525").contains("outbox");
    }

    @Test
    void configCheckShouldExitNonZeroNamingKeyAndFile() throws Exception {
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "delivery.workers = 0\n");
        assertThat(Main.run("config-check", "--config", bad.toString())).isEqualTo(2);
        assertThat(console.err()).contains(bad.toString()).contains("delivery.workers");
    }

    @Test
    void serveShouldRefuseToStartOnABadConfigWithExitCodeTwo() throws Exception {
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "upstream.port = 99999\n");
        assertThat(Main.run("serve", "--config", bad.toString())).isEqualTo(2);
        assertThat(console.err()).contains("upstream.port");
    }

    private static boolean free(int port) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private Path siteWithCustomers(String csv) throws Exception {
        Files.writeString(dir.resolve("customers.csv"), csv);
        return Files.writeString(dir.resolve("tactgate.properties"), "customers.file = customers.csv\n");
    }

    @Test
    void configCheckShouldListEachBadRowAndFailWhenNoRowIsValid() throws Exception {
        Path config = siteWithCustomers("name,emails,domains,aliases\n,joan@parkway.example,,\nTypo Ltd,bob@,,\n");
        assertThat(Main.run("config-check", "--config", config.toString())).isEqualTo(2);
        Path csv = dir.resolve("customers.csv");
        assertThat(console.err())
                .contains(csv + ", line 2: no name; row skipped")
                .contains(csv + ", line 3: malformed e-mail address 'bob@'; row skipped")
                .contains("configuration error: " + config + ", line 1: customers.file: " + csv
                        + ": no valid customer row (2 skipped)");
    }

    @Test
    void configCheckShouldReportBadRowsButPassWhenARowIsValid() throws Exception {
        Path config = siteWithCustomers("emails,name\njoan@parkway.example,Parkway Dental\nbob@,Typo Ltd\n");
        assertThat(Main.run("config-check", "--config", config.toString())).isZero();
        assertThat(console.err()).contains("customers.csv, line 3: malformed e-mail address");
        assertThat(console.out()).contains("customers.file  " + dir.resolve("customers.csv")
                + " (1 customers, 1 rows skipped)");
    }

    @Test
    void configCheckShouldFailNamingTheKeyWhenTheCustomersFileIsMissing() throws Exception {
        Path config = Files.writeString(dir.resolve("tactgate.properties"), "customers.file = nowhere.csv\n");
        assertThat(Main.run("config-check", "--config", config.toString())).isEqualTo(2);
        assertThat(console.err())
                .contains(config + ", line 1: customers.file: " + dir.resolve("nowhere.csv") + ": no such file");
    }

    @Test
    void configCheckShouldAcceptAHeaderAloneAsASiteThatListsNoCustomers() throws Exception {
        Path config = siteWithCustomers("name,emails,domains,aliases\n");
        assertThat(Main.run("config-check", "--config", config.toString())).isZero();
        assertThat(console.err()).doesNotContain("configuration error");
    }

    @Test
    @Timeout(60)
    void serveShouldRefuseACustomersFileWithNoValidRowInOneLine() throws Exception {
        Path config = siteWithCustomers("name,emails,domains,aliases\nNowhere Ltd,,,\n");
        assertThat(Main.run("serve", "--config", config.toString())).isEqualTo(2);
        String errors = console.err();
        assertThat(errors.lines().filter(l -> l.startsWith("tactgate:")))
                .containsExactly("tactgate: configuration error: " + config + ", line 1: customers.file: "
                        + dir.resolve("customers.csv") + ": no valid customer row (1 skipped)");
        assertThat(errors + console.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    @Timeout(60)
    void serveShouldRefuseAMissingCustomersFile() throws Exception {
        Path config = Files.writeString(dir.resolve("tactgate.properties"), "customers.file = nowhere.csv\n");
        assertThat(Main.run("serve", "--config", config.toString())).isEqualTo(2);
        assertThat(console.err()).contains("customers.file: " + dir.resolve("nowhere.csv")
                + ": no such file");
    }

    @Test
    void smtpUserShouldPrintALineThatVerifiesThePasswordFromStdin() {
        console.stdin("s3cret words\n");
        assertThat(Main.run("smtp-user", "app-server")).isZero();
        String line = console.out().trim();
        assertThat(line).startsWith("app-server:pbkdf2-sha256$");
        PasswordHash hash = PasswordHash.parse(line.substring("app-server:".length()));
        assertThat(hash.verify("s3cret words".toCharArray())).isTrue();
        assertThat(hash.verify("wrong".toCharArray())).isFalse();
    }
}
