package org.tactgate.directory;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.tactgate.config.DirectorySettings;

import static org.awaitility.Awaitility.await;

class DirectoryTest {
    @TempDir
    Path dir;

    private Directory directory(boolean externalIsCustomer) throws IOException {
        Path csv = Files.writeString(dir.resolve("customers.csv"), """
                name,emails,domains,aliases
                "Parkway Dental Group, Ltd",joan@mail.example,parkwaydental.example,Parkway;the practice
                """);
        return Directory.of(new DirectorySettings(List.of("globex.example"), Optional.of(csv), externalIsCustomer,
                List.of("quickfreight.example")));
    }

    @Test
    void classifiesInternalCustomerPartnerAndExternal() throws IOException {
        Directory d = directory(false);
        assertThat(d.classify("Tom@Globex.example").kind()).isEqualTo(Party.Kind.INTERNAL);
        assertThat(d.classify("joan@mail.example").customer()).map(Customer::name).contains("Parkway Dental Group, Ltd");
        assertThat(d.classify("ap@billing.parkwaydental.example").isCustomer()).isTrue();
        assertThat(d.classify("paul@quickfreight.example").kind()).isEqualTo(Party.Kind.PARTNER);
        assertThat(d.classify("someone@else.example").kind()).isEqualTo(Party.Kind.EXTERNAL);
        assertThat(directory(true).classify("someone@else.example").isCustomer()).isTrue();
    }

    @Test
    void referencesIncludeNamesAliasesAndDomainStems() throws IOException {
        assertThat(directory(false).references()).extracting(Reference::phrase)
                .contains("Parkway Dental Group", "Parkway", "the practice", "parkwaydental");
    }

    @Test
    void personNamesYieldFirstNamesSurnamesAndFamilyForms() {
        assertThat(NameForms.of("Priya & Arjun Shah")).contains("Priya", "Arjun", "the Shahs", "Mr Shah");
    }

    @Test
    void reloadsWhenTheCustomersFileChanges() throws IOException {
        Directory d = directory(false);
        Path csv = dir.resolve("customers.csv");
        Files.writeString(csv, "name,emails,domains,aliases\nNew Client,new@client.example,,\n");
        Files.setLastModifiedTime(csv, FileTime.from(Instant.now().plusSeconds(5)));
        await().atMost(Duration.ofSeconds(5)).until(() -> d.classify("new@client.example").isCustomer());
        assertThat(d.customers()).extracting(Customer::name).containsExactly("New Client");
    }

    @Test
    void aReloadWithNoValidRowShouldKeepThePreviousListAndLogEachBadRow() throws IOException {
        Directory d = directory(false);
        Path csv = dir.resolve("customers.csv");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(Directory.class);
        logger.addAppender(logs);
        try {
            Files.writeString(csv, "name,emails,domains,aliases\nHalf Written Ltd,half@\n");
            Files.setLastModifiedTime(csv, FileTime.from(Instant.now().plusSeconds(5)));
            await().atMost(Duration.ofSeconds(5)).until(() -> d.customers() != null && logs.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("keeping the previous list")));
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(d.classify("joan@mail.example").isCustomer()).isTrue();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains(csv + ", line 2: malformed e-mail address 'half@'; row skipped");
    }

    @Test
    void mailboxShouldSpellANameOnlyWhenItLooksLikeOne() {
        assertThat(NameForms.nameFromMailbox("bob@client.example")).contains("Bob");
        assertThat(NameForms.nameFromMailbox("pauline.bailey@mailbox.example")).contains("Pauline Bailey");
        assertThat(NameForms.nameFromMailbox("j_smith@x.example")).isEmpty();
        assertThat(NameForms.nameFromMailbox("info@acme.example")).isEmpty();
        assertThat(NameForms.nameFromMailbox("sales.team@acme.example")).isEmpty();
        assertThat(NameForms.nameFromMailbox("jsmith42@x.example")).isEmpty();
        assertThat(NameForms.nameFromMailbox("al@x.example")).isEmpty();
    }
}
