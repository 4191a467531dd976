package org.tactgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.config.ConfigException;
import org.tactgate.config.Settings;
import org.tactgate.config.SettingsLoader;
import org.tactgate.directory.Customer;
import org.tactgate.directory.Directory;
import org.tactgate.message.Envelope;
import org.tactgate.message.Inspection;
import org.tactgate.message.Verdict;
import org.tactgate.relay.WorkingSet;

/**
 * What a reload re-reads, on a site in a temp folder: the edited files are taken, and a broken one
 * is refused with the start check's one line naming the key and the file.
 */
class SiteReloadTest {
    private static final String RULES = "[rule everything-held]\nverdict = HOLD\n";

    @TempDir
    Path dir;
    private Path config;

    @BeforeEach
    void site() throws IOException {
        Files.copy(SiteReloadTest.class.getResourceAsStream("/tls/localhost-rsa.crt"), dir.resolve("smtp.crt"));
        Files.copy(SiteReloadTest.class.getResourceAsStream("/tls/localhost-rsa.key"), dir.resolve("smtp.key"));
        Files.writeString(dir.resolve("customers.csv"), "name,emails,domains,aliases\nParkway Dental,joan@parkway.example,,\n");
        Files.writeString(dir.resolve("policy.rules"), RULES);
        config = Files.writeString(dir.resolve("tactgate.properties"), String.join("\n",
                "internal.domains = northwind.example",
                "customers.external-default = false",
                "customers.file = customers.csv",
                "policy.file = policy.rules",
                "inspect.reader = off",
                "smtp.tls.certificate = smtp.crt",
                "smtp.tls.key = smtp.key", ""));
    }

    private SiteReload reload(Settings settings, Directory directory) {
        return new SiteReload(settings, directory, Optional.empty());
    }

    private static Verdict verdict(WorkingSet set, String sender) {
        Envelope envelope = new Envelope(sender, List.of("mia@northwind.example"), "127.0.0.1", "client.example",
                Optional.empty(), Instant.now());
        return set.policy().decide(envelope, Inspection.NOTHING).verdict();
    }

    @Test
    void aReloadShouldTakeTheEditedPolicyCustomersAndCertificate() throws IOException {
        Settings settings = SettingsLoader.load(config);
        Directory directory = Directory.of(settings.directory());
        Files.writeString(dir.resolve("policy.rules"), "[rule rita-away]\nsender = rita@northwind.example\n"
                + "verdict = REJECT\nreason = Rita is away\n\n" + RULES);
        Files.writeString(dir.resolve("customers.csv"), "name,emails,domains,aliases\nNew Client,new@client.example,,\n");

        WorkingSet set = reload(settings, directory).get();

        assertThat(verdict(set, "rita@northwind.example")).isEqualTo(Verdict.REJECT);
        assertThat(verdict(set, "ann@northwind.example")).isEqualTo(Verdict.HOLD);
        assertThat(directory.customers()).extracting(Customer::name).containsExactly("New Client");
        assertThat(set.tls()).isPresent();
    }

    @Test
    void aBrokenPolicyFileShouldBeRefusedNamingTheKeyTheFileAndTheLine() throws IOException {
        Settings settings = SettingsLoader.load(config);
        Path rules = Files.writeString(dir.resolve("policy.rules"), RULES + "deadline 3d\n");

        assertThatThrownBy(() -> reload(settings, Directory.of(settings.directory())).get())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(config + ", line 4: policy.file: " + rules + ":3: ");
    }

    @Test
    void aCustomersFileWithNoValidRowShouldBeRefusedAndTheDirectoryKeepItsList() throws IOException {
        Settings settings = SettingsLoader.load(config);
        Directory directory = Directory.of(settings.directory());
        Path customers = Files.writeString(dir.resolve("customers.csv"), "name,emails,domains,aliases\nHalf Written,half@\n");

        assertThatThrownBy(() -> reload(settings, directory).get())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(config + ", line 3: customers.file: " + customers + ": no valid customer row");
        assertThat(directory.customers()).extracting(Customer::name).containsExactly("Parkway Dental");
    }

    @Test
    void aKeyThatIsNotAKeyShouldBeRefusedNamingSmtpTlsKey() throws IOException {
        Settings settings = SettingsLoader.load(config);
        Files.writeString(dir.resolve("smtp.key"), "not a key\n");

        assertThatThrownBy(() -> reload(settings, Directory.of(settings.directory())).get())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 7: smtp.tls.key: ")
                .hasMessageContaining(dir.resolve("smtp.key").toString());
    }
}
