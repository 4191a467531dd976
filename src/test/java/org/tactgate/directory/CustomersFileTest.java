package org.tactgate.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomersFileTest {
    @TempDir
    Path dir;

    private CustomerList read(String csv) throws IOException {
        return CustomersFile.read(Files.writeString(dir.resolve("customers.csv"), csv, StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsShouldHoldCommasLineBreaksAndQuotes() throws IOException {
        CustomerList list = read("""
                name,emails,domains,aliases
                "Parkway Dental Group, Ltd",joan@parkwaydental.example,parkwaydental.example,"Parkway;
                the practice;""Doc"" Whitley"
                Zoltan Papp,zoltan.papp@mailbox.example,,Zoltan
                """);
        assertThat(list.badRows()).isEmpty();
        assertThat(list.customers()).containsExactly(
                new Customer("Parkway Dental Group, Ltd", List.of("joan@parkwaydental.example"),
                        List.of("parkwaydental.example"), List.of("Parkway", "the practice", "\"Doc\" Whitley")),
                new Customer("Zoltan Papp", List.of("zoltan.papp@mailbox.example"), List.of(), List.of("Zoltan")));
    }

    @Test
    void theHeaderShouldNameTheColumnsInAnyOrder() throws IOException {
        CustomerList list = read("""
                Aliases,EMAILS,account owner,name
                Joan;the practice,Joan@Parkway.example,Rita,Parkway Dental
                """);
        assertThat(list.customers()).containsExactly(new Customer("Parkway Dental", List.of("joan@parkway.example"),
                List.of(), List.of("Joan", "the practice")));
        assertThat(list.unknownColumns()).containsExactly("account owner");
        assertThat(list.problems()).containsExactly(dir.resolve("customers.csv")
                + ": column 'account owner' is not one of name, emails, domains, aliases; ignored");
    }

    @Test
    void aByteOrderMarkShouldNotBeReadAsPartOfTheHeader() throws IOException {
        CustomerList list = read("\uFEFFname,emails,domains,aliases\r\nParkway Dental,joan@parkway.example,,\r\n");
        assertThat(list.customers()).extracting(Customer::name).containsExactly("Parkway Dental");
        assertThat(list.unknownColumns()).isEmpty();
    }

    @Test
    void badRowsShouldBeReportedWithTheLineTheyStartOnAndSkipped() throws IOException {
        CustomerList list = read("""
                name,emails,domains,aliases
                # a comment and a blank line are not rows

                ,nameless@client.example,,
                "Two-line
                Name",two@client.example,,
                Nowhere Ltd,,,Nowhere
                Typo Ltd,bob@@typo.example,,
                Bare Ltd,,bare,
                Comma, Inc,c@comma.example,comma.example,Comma
                Good Ltd,good@good.example,,
                """);
        assertThat(list.customers()).extracting(Customer::name).containsExactly("Two-line\nName", "Good Ltd");
        assertThat(list.badRows()).containsExactly(
                new BadRow(4, "no name"),
                new BadRow(7, "no e-mail address and no domain"),
                new BadRow(8, "malformed e-mail address 'bob@@typo.example'"),
                new BadRow(9, "malformed domain 'bare'"),
                new BadRow(10, "5 fields where the header names 4 columns (a comma inside a field needs the field"
                        + " in double quotes)"));
        assertThat(list.problems()).contains(dir.resolve("customers.csv") + ", line 8: malformed e-mail address"
                + " 'bob@@typo.example'; row skipped");
    }

    @Test
    void addressesAndDomainsBeyondAsciiShouldBeWellFormed() {
        assertThat(List.of("mariajoao.sousa@sousavinhos.example", "josé+crm@café-isarperle.example"))
                .allMatch(CustomerRules::isEmail);
        assertThat(List.of("joan@", "joan doe@x.example", "joan..doe@x.example", "joan@localhost"))
                .noneMatch(CustomerRules::isEmail);
        assertThat(List.of("weg-leopold112.example", "xn--caf-dma.example")).allMatch(CustomerRules::isDomain);
        assertThat(List.of("-acme.example", "acme..example", "@acme.example", "acme"))
                .noneMatch(CustomerRules::isDomain);
    }

    @Test
    void aMissingRequiredColumnShouldBeAnErrorNamingTheColumn() {
        assertThatThrownBy(() -> read("name,domains\nAcme,acme.example\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("no 'emails' column");
        // a file without a header: its first customer is no header
        assertThatThrownBy(() -> read("Acme,joan@acme.example,acme.example,\n"))
                .hasMessageContaining("no 'name' column");
        assertThatThrownBy(() -> read("name,emails,Name\n")).hasMessageContaining("'name' twice");
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty file");
    }

    @Test
    void aQuoteNeverClosedShouldBeAnErrorNamingALine() {
        assertThatThrownBy(() -> read("name,emails\nAcme,joan@acme.example\n\"Open,bob@open.example\n"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("line ").hasMessageContaining("quote");
    }

    @Test
    void aFileThatIsNotUtf8ShouldBeAnError() throws IOException {
        Path csv = Files.write(dir.resolve("customers.csv"),
                "name,emails\nCaf\u00e9 Isarperle,m@isarperle.example\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CustomersFile.read(csv)).hasMessageContaining("not UTF-8");
    }

    @Test
    void aMissingFileShouldBeAnError() {
        assertThatThrownBy(() -> CustomersFile.read(dir.resolve("nope.csv"))).hasMessage("no such file");
    }
}
