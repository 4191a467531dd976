package org.tactgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("tactgate.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void embeddedDefaultConfigurationShouldLoad() {
        Settings s = SettingsLoader.load(Path.of("config/tactgate.properties"));
        assertThat(s.smtp().listen()).isEqualTo(new HostPort("127.0.0.1", 2525));
        assertThat(s.store().url()).startsWith("jdbc:sqlite:").endsWith("data/tactgate.db");
        assertThat(s.delivery().upstream()).isEmpty();
        assertThat(s.delivery().outbox().endsWith(Path.of("data", "outbox"))).isTrue();
        assertThat(s.webListen()).isEqualTo(new HostPort("127.0.0.1", 8025));
    }

    @Test
    void emptyFileShouldGiveTheDocumentedDefaults() throws IOException {
        Settings s = SettingsLoader.load(write(""));
        assertThat(s.smtp().allowedNetworks()).containsExactly("127.0.0.0/8", "::1/128");
        assertThat(s.smtp().maxMessageSize()).isEqualTo(25L * 1024 * 1024);
        assertThat(s.store().url()).isEqualTo("jdbc:sqlite:" + dir.resolve("data/tactgate.db"));
        assertThat(s.delivery().retryMaxAge()).isEqualTo(Duration.ofDays(5));
        assertThat(s.delivery().outbox()).isEqualTo(dir.resolve("data/outbox"));
        assertThat(s.delivery().tlsTrustFile()).isEmpty();
        assertThat(s.directory().externalIsCustomer()).isTrue();
    }

    @Test
    void relativePathsShouldResolveAgainstTheSettingsFolder() throws IOException {
        Settings s = SettingsLoader.load(write("customers.file = customers.csv\ninternal.domains = A.example, b.example\n"
                + "upstream.tls.trust-file = tls/smarthost-ca.pem\n"));
        assertThat(s.directory().customersFile()).contains(dir.resolve("customers.csv"));
        assertThat(s.delivery().tlsTrustFile()).contains(dir.resolve("tls/smarthost-ca.pem"));
        assertThat(s.directory().internalDomains()).containsExactly("a.example", "b.example");
    }

    /** customers.csv separates its lists with ";": an admin who writes the same here means two domains. */
    @Test
    void listsTakeSemicolonsAsWellAsCommas() throws IOException {
        Settings s = SettingsLoader.load(write("internal.domains = a.example;b.example\n"
                + "partners.domains = bank.example; courier.example, florist.example\n"));
        assertThat(s.directory().internalDomains()).containsExactly("a.example", "b.example");
        assertThat(s.directory().partnerDomains()).containsExactly("bank.example", "courier.example", "florist.example");
    }

    @Test
    void badValueShouldNameTheKeyAndTheFile() throws IOException {
        Path file = write("smtp.listen = 127.0.0.1:notaport\n");
        assertThatThrownBy(() -> SettingsLoader.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("smtp.listen");
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.getMessage()).contains(file.toString()).contains("smtp.listen");
                });
    }

    @Test
    void readerSettingsShouldDefaultAndBeChecked() throws IOException {
        InspectSettings defaults = SettingsLoader.load(write("")).inspect();
        assertThat(defaults.reader()).isTrue();
        assertThat(defaults.readerPassages()).isEqualTo(16);
        assertThat(defaults.readerCache()).isEqualTo(4096);
        assertThat(SettingsLoader.load(write("inspect.reader.cache = 0\n")).inspect().readerCache()).isZero();
        Path file = write("inspect.reader.cache = -1\n");
        assertThatThrownBy(() -> SettingsLoader.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("inspect.reader.cache"));
    }

    @Test
    void readerThresholdShouldBeTheModelsUnlessASiteSetsOneInRange() throws IOException {
        assertThat(SettingsLoader.load(write("")).inspect().readerThreshold()).isEmpty();
        assertThat(SettingsLoader.load(write("inspect.reader.threshold = model\n")).inspect().readerThreshold()).isEmpty();
        assertThat(SettingsLoader.load(write("inspect.reader.threshold = 0.99\n")).inspect().readerThreshold())
                .hasValue(0.99);
        for (String bad : new String[] {"0.3", "1.5", "strict"}) {
            Path file = write("inspect.reader.threshold = " + bad + "\n");
            assertThatThrownBy(() -> SettingsLoader.load(file))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.key()).isEqualTo("inspect.reader.threshold");
                        assertThat(e.getMessage()).contains(file.toString());
                    });
        }
    }

    @Test
    void tlsCertificateWithoutKeyShouldBeRefused() throws IOException {
        Path file = write("smtp.tls.certificate = cert.pem\n");
        assertThatThrownBy(() -> SettingsLoader.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("smtp.tls.key"));
    }

    @Test
    void unsupportedStoreShouldBeRefused() throws IOException {
        Path file = write("store.url = jdbc:mysql://localhost/x\n");
        assertThatThrownBy(() -> SettingsLoader.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("store.url"));
    }

    @Test
    void missingFileShouldBeReportedAsSuch() {
        assertThatThrownBy(() -> SettingsLoader.load(dir.resolve("nope.properties")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
    }

    @Test
    void durationsAndSizesShouldParseWithUnits() {
        assertThat(Units.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Units.parseDuration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Units.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Units.parseSize("512k")).isEqualTo(512L * 1024);
        assertThat(Units.parseSize("10MB")).isEqualTo(10L * 1024 * 1024);
        assertThat(Units.parseSize("1000")).isEqualTo(1000L);
        assertThatThrownBy(() -> Units.parseDuration("5w")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void webSettingsShouldDefaultToOneListenerAndReadTheConsoleAddress() throws IOException {
        WebSettings defaults = SettingsLoader.load(write("")).web();
        assertThat(defaults.consoleListen()).isEmpty();
        assertThat(defaults.sessionTimeout()).isEqualTo(Duration.ofMinutes(30));

        WebSettings split = SettingsLoader.load(write("web.console-listen = [::1]:8026\nweb.session-timeout = 2h\n")).web();
        assertThat(split.consoleListen()).contains(new HostPort("::1", 8026));
        assertThat(split.sessionTimeout()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> SettingsLoader.load(write("web.console-listen = nowhere\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("web.console-listen");
    }

    @Test
    void envAndHomeShouldExpandAndADoubledDollarStayLiteral() throws IOException {
        java.util.Map<String, String> env = java.util.Map.of("RELAY_PASSWORD", "s3cret", "TACTGATE_HOME", "/opt/tactgate");
        Settings s = SettingsLoader.load(write("upstream.host = 127.0.0.1\nupstream.username = relay\n"
                + "upstream.password = ${env:RELAY_PASSWORD}\nstore.password = a$${b}c\n"
                + "policy.file = ${home}/config/policy.rules\n"), env::get);
        assertThat(s.delivery().password()).contains("s3cret");
        assertThat(s.store().password()).contains("a${b}c");
        assertThat(s.policy().file()).contains(Path.of("/opt/tactgate/config/policy.rules"));
    }

    @Test
    void errorsShouldNameTheLineAKeyStartsOnPastCommentsAndContinuations() throws IOException {
        Path file = write("# intake\ninternal.domains = a.example, \\\n    b.example\n\n! old style comment\n"
                + "smtp.max-recipients = many\n");
        assertThatThrownBy(() -> SettingsLoader.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).hasValue(6);
                    assertThat(e.getMessage()).isEqualTo(file + ", line 6: smtp.max-recipients: invalid value 'many';"
                            + " expected a whole number");
                });
    }

    @Test
    void theShippedSettingsShouldNameNoPathRelativeToTheirOwnFolder() throws IOException {
        // a relative path would resolve against wherever a copy is put (README, "Paths")
        for (String line : Files.readAllLines(Path.of("config/tactgate.properties"))) {
            if (line.matches("(store\\.url|delivery\\.outbox|policy\\.file|notify\\.secret-file)\\s*=.*")) {
                assertThat(line).contains("${home}/");
            }
        }
    }
}
