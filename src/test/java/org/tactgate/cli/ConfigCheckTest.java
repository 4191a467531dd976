package org.tactgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broken configurations of issue 13, each run through the real {@code config-check} (and,
 * where it refuses, through {@code serve}, which must refuse with the very same line): exit code 2
 * and one line naming the file, the line, the key and what would be accepted.
 */
class ConfigCheckTest {
    private static final String FREE_PORT = "expected a free port on an address of this machine (port 0 = any free port)";

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** A site whose listeners take any free port, so that only the lines under test can fail. */
    private Path site(String lines) throws IOException {
        return Files.writeString(dir.resolve("tactgate.properties"), lines
                + "\nsmtp.listen = 127.0.0.1:0\nweb.listen = 127.0.0.1:0\n");
    }

    private Path file(String lines) throws IOException {
        return Files.writeString(dir.resolve("tactgate.properties"), lines);
    }

    /** Runs config-check, expects it to refuse, and returns its one line. */
    private String refusal(Path config) {
        assertThat(Main.run("config-check", "--config", config.toString())).isEqualTo(2);
        assertThat(console.tactgateLines()).hasSize(1);
        assertThat(console.err() + console.out()).doesNotContain("Exception").doesNotContain("\tat ");
        return console.tactgateLines().get(0);
    }

    /** {@code lines} on a site of free ports are refused with {@code rest} after the settings file's name. */
    private void assertRefused(String lines, String rest) throws IOException {
        Path config = site(lines);
        assertThat(refusal(config)).isEqualTo(error(config, rest));
    }

    private String error(Path config, String rest) {
        return "tactgate: configuration error: " + config + rest;
    }

    @Test
    void aPrefixLongerThan32BitsShouldBeRefusedNamingTheNetworkAndWhatIsAccepted() throws IOException {
        assertRefused("smtp.allowed-networks = 127.0.0.0/8, 10.0.0.0/33",
                ", line 1: smtp.allowed-networks: prefix length out of"
                + " range 0..32 in '10.0.0.0/33'; expected IP addresses or CIDR blocks, e.g. 10.0.0.0/8,"
                + " 192.168.1.0/24, ::1/128");
    }

    @Test
    void aMissingCustomersFileShouldBeRefused() throws IOException {
        assertRefused("customers.file = nowhere.csv",
                ", line 1: customers.file: " + dir.resolve("nowhere.csv")
                + ": no such file");
    }

    @Test
    void aMissingPolicyFileShouldBeRefusedSayingTheBuiltInRulesNeedNoFile() throws IOException {
        assertRefused("policy.file = nowhere.rules",
                ", line 1: policy.file: " + dir.resolve("nowhere.rules")
                + ": no such file; expected a readable policy rules file (docs/policy.md), or no policy.file for the"
                + " built-in rules");
    }

    @Test
    void aPolicyFileWithAnUnknownVerdictShouldListTheVerdicts() throws IOException {
        Files.writeString(dir.resolve("site.rules"), "[rule all]\nverdict = sometimes\n");
        assertRefused("policy.file = site.rules",
                ", line 1: policy.file: " + dir.resolve("site.rules")
                + ":2: [rule all] verdict: invalid value 'sometimes': expected pass, tag, hold, quarantine, bounce or"
                + " reject");
    }

    @Test
    void aGarbageTlsKeyShouldBeRefusedNamingTheKeyFileAndTheFormat() throws IOException {
        Files.copy(ConfigCheckTest.class.getResourceAsStream("/tls/localhost-rsa.crt"), dir.resolve("smtp.crt"));
        Files.writeString(dir.resolve("smtp.key"), "not a key\n");
        assertRefused("smtp.tls.certificate = smtp.crt\nsmtp.tls.key = smtp.key",
                ", line 2: smtp.tls.key: no unencrypted PKCS#8 key (BEGIN"
                + " PRIVATE KEY) in " + dir.resolve("smtp.key") + "; convert with: openssl pkcs8 -topk8 -nocrypt -in OLD"
                + " -out NEW");
    }

    @Test
    void aTlsKeyThatIsNotThereShouldBeRefusedBeforeAnythingReadsIt() throws IOException {
        Files.copy(ConfigCheckTest.class.getResourceAsStream("/tls/localhost-rsa.crt"), dir.resolve("smtp.crt"));
        assertRefused("smtp.tls.certificate = smtp.crt\nsmtp.tls.key = smtp.key",
                ", line 2: smtp.tls.key: " + dir.resolve("smtp.key")
                + ": no such file; expected a readable PEM PKCS#8 key (BEGIN PRIVATE KEY)");
    }

    @Test
    void aPortAnotherProgramHoldsShouldBeRefusedNamingTheListener() throws IOException {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = other.getLocalPort();
            Path config = file("smtp.listen = 127.0.0.1:" + port + "\nweb.listen = 127.0.0.1:0\n");
            assertThat(refusal(config)).isEqualTo(error(config, ", line 1: smtp.listen: cannot listen on 127.0.0.1:"
                    + port + ": address already in use (another program listens there); " + FREE_PORT));
        }
    }

    @Test
    void twoListenersOnOnePortShouldBeRefusedNamingBoth() throws IOException {
        int port = freePort();
        Path config = file("smtp.listen = 127.0.0.1:" + port + "\nweb.listen = 127.0.0.1:" + port + "\n");
        assertThat(refusal(config)).isEqualTo(error(config, ", line 2: web.listen: cannot listen on 127.0.0.1:" + port
                + ": port " + port + " is also given to smtp.listen (line 1); " + FREE_PORT));
    }

    @Test
    void aKeyGivenTwiceShouldBeRefusedNamingBothLines() throws IOException {
        assertRefused("smtp.max-recipients = 10\n# the new limit\nsmtp.max-recipients = 20",
                ", line 3: smtp.max-recipients: given twice, first on"
                + " line 1; keep one of the two lines");
    }

    @Test
    void anUnknownStartTlsModeShouldListTheModesInsteadOfTheEnum() throws IOException {
        assertRefused("upstream.host = smarthost.example\nupstream.starttls = sometimes",
                ", line 2: upstream.starttls: invalid value 'sometimes';"
                + " expected never, opportunistic or required");
    }

    @Test
    void aDollarBraceInAPasswordShouldBeRefusedSayingHowToWriteItLiterally() throws IOException {
        assertRefused("upstream.host = 127.0.0.1\nupstream.username = relay\nupstream.password = pa${ss}word",
                ", line 3: upstream.password: unknown expansion '${ss}';"
                + " expected ${env:NAME} or ${home}, or $${ for a literal ${");
    }

    @Test
    void anUnsetEnvironmentVariableShouldBeRefusedRatherThanSentAsItsName() throws IOException {
        assertRefused("store.password = ${env:TACTGATE_TEST_SURELY_UNSET}",
                ", line 1: store.password: environment variable"
                + " TACTGATE_TEST_SURELY_UNSET is not set; set it, or write $${ for a literal ${");
    }

    @Test
    void aDoubledDollarShouldGiveALiteralDollarBrace() throws IOException {
        Path config = site("delivery.outbox = out$${x}");
        assertThat(Main.run("config-check", "--config", config.toString())).isZero();
        assertThat(console.out()).contains("outbox " + dir.resolve("out${x}"));
    }

    @Test
    void aCopyOfTheShippedSettingsShouldFindTheSameFilesAsTheOriginal() throws IOException {
        // the listeners are moved to free ports: this test is about paths, not about what else runs here
        String shipped = Files.readString(Path.of("config/tactgate.properties"))
                .replace("smtp.listen = 127.0.0.1:2525", "smtp.listen = 127.0.0.1:0")
                .replace("web.listen = 127.0.0.1:8025", "web.listen = 127.0.0.1:0");
        Path copy = Files.writeString(dir.resolve("copied.properties"), shipped);
        assertThat(Main.run("config-check", "--config", copy.toString())).isZero();
        Path home = Path.of("").toAbsolutePath();
        assertThat(console.out())
                .contains("store.url       jdbc:sqlite:" + home.resolve("data/tactgate.db"))
                .contains("outbox " + home.resolve("data/outbox"))
                .contains("policy.file     " + home.resolve("config/policy.rules"));
    }

    @Test
    void theBaseUrlShouldFollowTheWebListenerUnlessSet() throws IOException {
        int port = freePort();
        Path config = file("smtp.listen = 127.0.0.1:0\nweb.listen = 127.0.0.1:" + port + "\n");
        assertThat(Main.run("config-check", "--config", config.toString())).isZero();
        assertThat(console.out()).contains("web.base-url    http://127.0.0.1:" + port);
    }

    @Test
    void aWildcardWebListenerShouldGiveABaseUrlWithTheHostName() throws IOException {
        int port = freePort();
        Path config = file("smtp.hostname = relay.northwind.example\nsmtp.listen = 127.0.0.1:0\nweb.listen = 0.0.0.0:"
                + port + "\n");
        assertThat(Main.run("config-check", "--config", config.toString())).isZero();
        assertThat(console.out()).contains("web.base-url    http://relay.northwind.example:" + port);
    }

    @Test
    void aBaseUrlThatIsNotHttpShouldBeRefusedWithAnExample() throws IOException {
        assertRefused("web.base-url = ftp://files.example",
                ", line 1: web.base-url: invalid value"
                + " 'ftp://files.example'; expected an http:// or https:// URL with a host, e.g."
                + " https://tactgate.example.com");
    }

    /** What config-check refuses, serve refuses with the same line, before it opens anything. */
    @ParameterizedTest
    @ValueSource(strings = {
            "smtp.allowed-networks = 10.0.0.0/33",
            "customers.file = nowhere.csv",
            "policy.file = nowhere.rules",
            "smtp.tls.certificate = nowhere.crt\nsmtp.tls.key = nowhere.key",
            "smtp.max-recipients = 10\nsmtp.max-recipients = 20",
            "upstream.starttls = sometimes",
            "store.password = a${b}c",
            "web.base-url = ftp://files.example"})
    @Timeout(60)
    void serveShouldRefuseWhatConfigCheckRefusesWithTheSameLine(String lines) throws IOException {
        Path config = site(lines);
        String checked = refusal(config);
        console.clear();
        assertThat(Main.run("serve", "--config", config.toString())).isEqualTo(2);
        assertThat(console.tactgateLines()).containsExactly(checked);
        assertThat(console.err() + console.out()).doesNotContain("\tat ");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    @Timeout(60)
    void serveShouldRefuseAPortInUseWithTheSameLineAsConfigCheck() throws IOException {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = file("smtp.listen = 127.0.0.1:" + other.getLocalPort() + "\nweb.listen = 127.0.0.1:0\n");
            String checked = refusal(config);
            console.clear();
            assertThat(Main.run("serve", "--config", config.toString())).isEqualTo(2);
            assertThat(console.tactgateLines()).containsExactly(checked);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
