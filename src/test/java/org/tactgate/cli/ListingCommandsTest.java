package org.tactgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.config.StoreSettings;
import org.tactgate.message.Decision;
import org.tactgate.message.Envelope;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.message.MessageId;
import org.tactgate.message.Verdict;
import org.tactgate.store.JdbcMessageStore;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.NewMessage;

/**
 * The listings ({@code quarantine list}, {@code audit list}, {@code user list}) in text and JSON,
 * {@code quarantine list --limit}, and the log level of commands, on a SQLite store in a temp folder.
 */
class ListingCommandsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private String config;
    private StoreSettings store;

    @BeforeEach
    void site() throws Exception {
        SqliteSite site = SqliteSite.in(dir);
        config = site.config();
        store = site.store();
    }

    private List<MessageId> held(int count) {
        try (MessageStore s = JdbcMessageStore.open(store)) {
            List<MessageId> ids = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                MessageId id = MessageId.next();
                Envelope envelope = new Envelope("planner@northwind.example", List.of("joan@parkway.example"),
                        "127.0.0.1", "mx.northwind.example", Optional.empty(), T0.plusSeconds(i));
                Decision decision = new Decision(Verdict.HOLD, "disparagement-to-customer", new Inspection(List.of(
                        new Finding("disparagement", 0.9, "body", "they are useless", "speaks ill of a customer"))));
                s.accept(new NewMessage(id, envelope, "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8),
                        decision, MessageState.HELD));
                ids.add(id);
            }
            return ids;
        }
    }

    private int run(String... args) {
        return Main.run(Map.of(), args);
    }

    @Test
    void quarantineListJsonShouldBeOneArrayWithTheDocumentedFields() throws Exception {
        List<MessageId> ids = held(2);
        assertThat(run("quarantine", "list", "--format", "json", "--config", config)).isZero();
        JsonNode rows = JSON.readTree(console.out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(2);
        JsonNode first = rows.get(0);
        assertThat(first.get("id").asText()).isEqualTo(ids.get(0).value());
        assertThat(first.get("state").asText()).isEqualTo("HELD");
        assertThat(first.get("received").asText()).isEqualTo(T0.toString());
        assertThat(first.get("sender").asText()).isEqualTo("planner@northwind.example");
        assertThat(first.get("rule").asText()).isEqualTo("disparagement-to-customer");
        assertThat(first.get("detectors").get(0).asText()).isEqualTo("disparagement");
        assertThat(console.err()).isEmpty();
    }

    @Test
    void quarantineListShouldSayOnStderrWhenTheLimitCutTheList() {
        held(3);
        assertThat(run("quarantine", "list", "--limit", "2", "--config", config)).isZero();
        assertThat(console.out().lines()).hasSize(2);
        assertThat(console.tactgateLines()).containsExactly(
                "tactgate: HELD: only the oldest 2 of 3 messages were read; use --limit to see more");
    }

    @Test
    void quarantineListShouldSayNothingWhenEveryRowFits() {
        held(2);
        assertThat(run("quarantine", "list", "--limit", "2", "--config", config)).isZero();
        assertThat(console.out().lines()).hasSize(2).allMatch(l -> l.contains("\tHELD\t"));
        assertThat(console.err()).isEmpty();
    }

    @Test
    void auditListJsonShouldBeOneArrayWithTheDocumentedFields() throws Exception {
        MessageId id = held(1).get(0);
        assertThat(run("quarantine", "delete", "--reason", "test", "--config", config, id.value())).isZero();
        console.clear();
        assertThat(run("audit", "list", "--format", "json", "--action", "delete", "--config", config)).isZero();
        JsonNode rows = JSON.readTree(console.out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).fieldNames()).toIterable()
                .containsExactly("at", "message", "actor", "from", "action", "detail");
        assertThat(rows.get(0).get("action").asText()).isEqualTo("delete");
        assertThat(rows.get(0).get("from").asText()).isEqualTo("cli");
        assertThat(rows.get(0).get("message").asText()).isEqualTo(id.value());
    }

    @Test
    void userListJsonShouldBeOneArrayOfNamesAndRoles() throws Exception {
        console.stdin("a-long-password\n");
        assertThat(run("user", "add", "rita", "--role", "reviewer", "--config", config)).isZero();
        console.clear();
        assertThat(run("user", "list", "--format", "json", "--config", config)).isZero();
        JsonNode rows = JSON.readTree(console.out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("name").asText()).isEqualTo("rita");
        assertThat(rows.get(0).get("role").asText()).isEqualTo("reviewer");
    }

    @Test
    void commandsShouldLogNothingBelowWarnByDefault() {
        MessageId id = held(1).get(0);
        assertThat(run("quarantine", "delete", "--reason", "test", "--config", config, id.value())).isZero();
        assertThat(console.out()).isEqualTo(id.value() + "\tDELETED\tDeleted; its record and audit trail stay" + System.lineSeparator());
        assertThat(console.out() + console.err()).doesNotContain(" INFO ");
    }

    @Test
    void serveShouldKeepInfoAndTheVariableShouldSetEveryCommandsLevel() {
        assertThat(Main.logLevel(true, Map.of())).isEqualTo(ch.qos.logback.classic.Level.INFO);
        assertThat(Main.logLevel(false, Map.of())).isEqualTo(ch.qos.logback.classic.Level.WARN);
        assertThat(Main.logLevel(false, Map.of(Main.LOG_LEVEL_ENV, "debug"))).isEqualTo(ch.qos.logback.classic.Level.DEBUG);
        assertThat(Main.logLevel(true, Map.of(Main.LOG_LEVEL_ENV, "WARN"))).isEqualTo(ch.qos.logback.classic.Level.WARN);
    }

    @Test
    void theLogLevelVariableShouldShowInfoLinesOfACommand() {
        MessageId id = held(1).get(0);
        assertThat(Main.run(Map.of(Main.LOG_LEVEL_ENV, "INFO"),
                "quarantine", "delete", "--reason", "test", "--config", config, id.value())).isZero();
        assertThat(console.err()).contains(" INFO ");
        assertThat(console.out()).doesNotContain(" INFO ");
    }
}
