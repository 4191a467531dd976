package org.tactgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;

/** The JSON API as the README's curl examples use it. */
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    WebFixture web;
    NewMessage wedding;
    NewMessage invoice;
    WebClient api;
    String[] auth;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        wedding = web.add(TestMail.quarantined("anna@northwind.example", "couple@example.com", "Smith wedding",
                "disparagement", TestMail.WEDDING_EVIDENCE, Instant.now()));
        invoice = web.add(TestMail.held("bob@northwind.example", "buyer@acme.example", "Your invoice",
                "blame", "You were the one who decided", Instant.now()));
        api = web.client();
        auth = new String[] {"Authorization", "Bearer " + web.adminToken};
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private JsonNode json(WebClient.Response r) throws Exception {
        assertThat(r.header("Content-Type")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    @Test
    void listShouldReturnTheQueueWithFilters() throws Exception {
        JsonNode all = json(api.get("/api/messages", auth));
        assertThat(all.get("messages")).hasSize(2);
        JsonNode held = json(api.get("/api/messages?state=HELD", auth)).get("messages");
        assertThat(held).hasSize(1);
        assertThat(held.get(0).get("id").asText()).isEqualTo(invoice.id().value());
        assertThat(held.get(0).get("subject").asText()).isEqualTo("Your invoice");
        assertThat(held.get(0).get("detectors").get(0).asText()).isEqualTo("blame");
    }

    @Test
    void showShouldReturnTheMessageItsFindingsAndAudit() throws Exception {
        JsonNode m = json(api.get("/api/messages/" + wedding.id(), auth));
        assertThat(m.get("message").get("state").asText()).isEqualTo("QUARANTINED");
        assertThat(m.get("findings").get(0).get("evidence").asText()).isEqualTo(TestMail.WEDDING_EVIDENCE);
        assertThat(m.get("audit")).isEmpty();
        assertThat(api.get("/api/messages/0000000000000000000000", auth).status()).isEqualTo(404);
    }

    @Test
    void actionsShouldChangeStateAndBeAudited() throws Exception {
        JsonNode r = json(api.postJson("/api/messages/" + wedding.id() + "/release", "", auth));
        assertThat(r.get("applied").asBoolean()).isTrue();
        assertThat(r.get("state").asText()).isEqualTo("QUEUED");
        assertThat(api.postJson("/api/messages/" + invoice.id() + "/bounce", "{}", auth).status())
                .as("bounce without reason").isEqualTo(400);
        json(api.postJson("/api/messages/" + invoice.id() + "/bounce", "{\"reason\":\"rephrase\"}", auth));
        assertThat(web.store.find(invoice.id()).orElseThrow().state()).isEqualTo(MessageState.BOUNCED);

        JsonNode audit = json(api.get("/api/audit?days=1", auth)).get("entries");
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1).get("action").asText()).isEqualTo("bounce");
        assertThat(audit.get(1).get("actor").asText()).isEqualTo("adam");
        assertThat(audit.get(1).get("detail").asText()).isEqualTo("rephrase");
    }

    @Test
    void bulkActionShouldReportEachMessage() throws Exception {
        JsonNode r = json(api.postJson("/api/actions", "{\"action\":\"delete\",\"ids\":[\"" + wedding.id() + "\",\""
                + invoice.id() + "\",\"nonsense\"],\"reason\":\"spam\"}", auth)).get("results");
        assertThat(r).hasSize(3);
        assertThat(r.get(0).get("applied").asBoolean()).isTrue();
        assertThat(r.get(2).get("applied").asBoolean()).isFalse();
        assertThat(web.store.find(invoice.id()).orElseThrow().state()).isEqualTo(MessageState.DELETED);
        assertThat(api.postJson("/api/actions", "not json", auth).status()).isEqualTo(400);
    }
}
