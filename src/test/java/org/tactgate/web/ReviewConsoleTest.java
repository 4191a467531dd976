package org.tactgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;

class ReviewConsoleTest {
    @TempDir
    Path dir;
    WebFixture web;
    NewMessage wedding;
    NewMessage invoice;
    NewMessage old;
    WebClient rita;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        Instant now = web.clock.instant();
        wedding = web.add(TestMail.quarantined("anna@northwind.example", "couple@example.com", "Smith wedding",
                "disparagement", TestMail.WEDDING_EVIDENCE, now.minus(Duration.ofMinutes(10))));
        invoice = web.add(TestMail.held("bob@northwind.example", "buyer@acme.example", "Your invoice",
                "blame", "You were the one who decided, weren't you?", now.minus(Duration.ofHours(3))));
        old = web.add(TestMail.quarantined("carol@northwind.example", "guest@example.org", "Old complaint",
                "exposure", "they are cheap", now.minus(Duration.ofDays(8))));
        web.add(TestMail.message(MessageState.QUEUED, "dan@northwind.example", "x@example.com", now,
                TestMail.text("Delivered fine", "dan@northwind.example", "x@example.com", "hello")));
        rita = web.reviewer();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private java.util.List<String> queue(String query) {
        return rita.get("/console" + query).doc().select("table.queue a.subject").eachText();
    }

    @Test
    void queueShouldListHeldAndQuarantinedNewestFirst() {
        assertThat(queue("")).containsExactly("Smith wedding", "Your invoice", "Old complaint");
    }

    @Test
    void queueFiltersShouldNarrowTheList() {
        assertThat(queue("?state=HELD")).containsExactly("Your invoice");
        assertThat(queue("?detector=exposure")).containsExactly("Old complaint");
        assertThat(queue("?sender=anna")).containsExactly("Smith wedding");
        assertThat(queue("?recipient=acme.example")).containsExactly("Your invoice");
        assertThat(queue("?age=new")).containsExactly("Smith wedding");
        assertThat(queue("?age=stale")).containsExactly("Old complaint");
        assertThat(queue("?q=TYPE+OF+PEOPLE")).containsExactly("Smith wedding");
        assertThat(queue("?q=invoice")).as("subject").containsExactly("Your invoice");
        assertThat(queue("?state=QUARANTINED&age=old")).containsExactly("Old complaint");
        assertThat(queue("?state=DELIVERED")).as("unknown state = both").hasSize(3);
    }

    @Test
    void messageViewShouldMarkTheEvidenceInContext() {
        Document page = rita.get("/console/messages/" + wedding.id()).doc();
        assertThat(page.select(".context mark").text()).isEqualTo(TestMail.WEDDING_EVIDENCE);
        assertThat(page.select(".context").text()).contains("About the Smith wedding:").contains("Let's quote high");
        assertThat(page.select(".body.text mark").text()).isEqualTo(TestMail.WEDDING_EVIDENCE);
        assertThat(page.select("table.headers th").eachText()).contains("Subject", "From");
        assertThat(page.select(".facts").text()).contains("couple@example.com").contains("disparagement-quarantine");
        assertThat(page.select("button#release")).hasSize(1);
    }

    @Test
    void unknownOrMalformedMessageIdShouldGive404() {
        assertThat(rita.get("/console/messages/0000000000000000000000").status()).isEqualTo(404);
        assertThat(rita.get("/console/messages/..%2F..%2Fetc").status()).isEqualTo(404);
    }

    @Test
    void releaseShouldQueueTheMessageAndShowItInTheAuditTrail() {
        WebClient.Response r = rita.post("/console/messages/" + wedding.id() + "/release", "csrf", rita.csrf());
        assertThat(r.doc().select(".results li.ok").text()).contains("Released");
        assertThat(web.store.find(wedding.id()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        Document page = rita.get("/console/messages/" + wedding.id()).doc();
        assertThat(page.select("table.audit td").eachText()).contains("release", "rita");
        assertThat(page.select("button#release")).as("no actions on a released message").isEmpty();
    }

    @Test
    void bounceShouldNeedAReasonAndPassItOn() {
        String csrf = rita.csrf();
        assertThat(rita.post("/console/messages/" + invoice.id() + "/bounce", "csrf", csrf).status()).isEqualTo(400);
        assertThat(web.store.find(invoice.id()).orElseThrow().state()).isEqualTo(MessageState.HELD);

        rita.post("/console/messages/" + invoice.id() + "/bounce", "csrf", csrf, "reason", "Rephrase, please");
        assertThat(web.store.find(invoice.id()).orElseThrow().state()).isEqualTo(MessageState.BOUNCED);
        assertThat(web.audit.all()).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("Rephrase, please"));
    }

    @Test
    void bulkReleaseShouldActOnEachChosenMessageAndSayWhichWereSkipped() {
        String csrf = rita.csrf();
        rita.post("/console/messages/" + old.id() + "/bounce", "csrf", csrf, "reason", "no");
        WebClient.Response r = rita.post("/console/bulk", "csrf", csrf, "action", "release",
                "id", wedding.id().value(), "id", invoice.id().value(), "id", old.id().value());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.doc().select(".results li.ok")).hasSize(2);
        assertThat(r.doc().select(".results li.skipped").text()).contains(old.id().value()).contains("bounced");
        assertThat(web.store.find(wedding.id()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        assertThat(web.store.find(invoice.id()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        assertThat(queue("")).isEmpty();
    }

    @Test
    void bulkWithNoMessageChosenShouldSaySo() {
        WebClient.Response r = rita.post("/console/bulk", "csrf", rita.csrf(), "action", "release");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.doc().text()).contains("Choose at least one message");
    }

    @Test
    void auditViewShouldFilterByActionAndExportCsv() {
        String csrf = rita.csrf();
        rita.post("/console/messages/" + wedding.id() + "/release", "csrf", csrf);
        rita.post("/console/messages/" + invoice.id() + "/bounce", "csrf", csrf, "reason", "=HYPERLINK(\"x\"), rude");
        assertThat(rita.get("/console/audit").doc().select("table.audit tbody tr")).hasSize(2);
        assertThat(rita.get("/console/audit?action=bounce").doc().select("table.audit tbody tr")).hasSize(1);

        WebClient.Response csv = rita.get("/console/audit.csv?action=bounce");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(AuditCsv.HEADER);
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(",rita,127.0.0.1,bounce,").endsWith("\"'=HYPERLINK(\"\"x\"\"), rude\"");
    }
}
