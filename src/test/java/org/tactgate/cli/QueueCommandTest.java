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
import org.tactgate.delivery.DeliveryStatusNotification;
import org.tactgate.message.Decision;
import org.tactgate.message.Envelope;
import org.tactgate.message.Inspection;
import org.tactgate.message.MessageId;
import org.tactgate.message.Verdict;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.JdbcMessageStore;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.NewMessage;
import org.tactgate.store.StoredMessage;

/** {@code tactgate queue list|show|retry|delete} through {@link Main#run} on a SQLite store in a temp folder. */
class QueueCommandTest {
    private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private SqliteSite site;

    @BeforeEach
    void site() throws Exception {
        site = SqliteSite.in(dir);
    }

    private MessageStore open() {
        return JdbcMessageStore.open(site.store());
    }

    /** A queued message that is not due until long after the test. */
    private MessageId queued(String sender) {
        try (MessageStore s = open()) {
            MessageId id = MessageId.next();
            Envelope envelope = new Envelope(sender, List.of("joan@parkway.example"), "127.0.0.1",
                    "mx.northwind.example", Optional.empty(), LATER);
            s.accept(new NewMessage(id, envelope, "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8),
                    new Decision(Verdict.PASS, "default", Inspection.NOTHING), MessageState.QUEUED));
            return id;
        }
    }

    private StoredMessage find(MessageId id) {
        try (MessageStore s = open()) {
            return s.find(id).orElseThrow();
        }
    }

    private List<AuditEntry> audit(MessageId id) {
        try (MessageStore s = open()) {
            return s.audit().forMessage(id);
        }
    }

    private int run(String... args) {
        return Main.run(Map.of(), args);
    }

    @Test
    void listShouldShowAQueuedMessage() {
        MessageId id = queued("planner@northwind.example");
        assertThat(run("queue", "list", "--config", site.config())).isZero();
        assertThat(console.out().lines()).containsExactly(String.join("\t", id.value(), "QUEUED",
                "planner@northwind.example", "joan@parkway.example", "0", LATER.toString(), ""));
        assertThat(console.err()).isEmpty();
    }

    @Test
    void listJsonShouldBeOneArrayWithTheDocumentedFields() throws Exception {
        MessageId id = queued("planner@northwind.example");
        assertThat(run("queue", "list", "--format", "json", "--config", site.config())).isZero();
        JsonNode rows = JSON.readTree(console.out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).fieldNames()).toIterable()
                .containsExactly("id", "state", "sender", "recipients", "attempts", "nextAttempt", "lastError");
        assertThat(rows.get(0).get("id").asText()).isEqualTo(id.value());
        assertThat(rows.get(0).get("recipients").get(0).asText()).isEqualTo("joan@parkway.example");
        assertThat(rows.get(0).get("attempts").asInt()).isZero();
        assertThat(rows.get(0).get("nextAttempt").asText()).isEqualTo(LATER.toString());
        assertThat(rows.get(0).get("lastError").isNull()).isTrue();
    }

    @Test
    void showShouldDescribeTheMessage() {
        MessageId id = queued("planner@northwind.example");
        assertThat(run("queue", "show", "--config", site.config(), id.value())).isZero();
        assertThat(console.out()).contains("id:           " + id.value(), "to:           joan@parkway.example PENDING",
                "next attempt: " + LATER);
    }

    @Test
    void retryShouldMakeTheMessageDueNowAndAuditIt() {
        MessageId id = queued("planner@northwind.example");
        Instant before = Instant.now();
        assertThat(run("queue", "retry", "--config", site.config(), id.value())).isZero();
        assertThat(console.out()).isEqualTo(id.value() + "\tdue now" + System.lineSeparator());
        assertThat(find(id).nextAttemptAt()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(audit(id)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("queue-retry");
            assertThat(a.actor()).isEqualTo(System.getProperty("user.name"));
            assertThat(a.from()).isEqualTo("cli");
        });
    }

    @Test
    void retryAllShouldMakeEveryQueuedMessageDue() {
        MessageId a = queued("planner@northwind.example");
        MessageId b = queued("sales@northwind.example");
        assertThat(run("queue", "retry", "--all", "--config", site.config())).isZero();
        assertThat(find(a).nextAttemptAt()).isBefore(LATER);
        assertThat(find(b).nextAttemptAt()).isBefore(LATER);
    }

    @Test
    void deleteShouldTakeTheMessageOutOfTheQueueBounceItAndAuditTheReason() {
        MessageId id = queued("planner@northwind.example");
        assertThat(run("queue", "delete", "--reason", "wrong customer", "--config", site.config(), id.value())).isZero();
        assertThat(console.out()).startsWith(id.value() + "\tBOUNCED\treturned to planner@northwind.example with DSN ");
        StoredMessage after = find(id);
        assertThat(after.state()).isEqualTo(MessageState.BOUNCED);
        assertThat(after.lastError()).contains("deleted from the queue: wrong customer");
        assertThat(audit(id)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("queue-delete");
            assertThat(a.actor()).isEqualTo(System.getProperty("user.name"));
            assertThat(a.detail()).startsWith("wrong customer (dsn ");
        });
        try (MessageStore s = open()) {
            List<StoredMessage> queue = s.list(MessageState.QUEUED, 10);
            assertThat(queue).singleElement().satisfies(dsn -> {
                assertThat(dsn.decision().rule()).isEqualTo(DeliveryStatusNotification.RULE);
                assertThat(dsn.envelope().recipients()).containsExactly("planner@northwind.example");
            });
        }
        console.clear();
        assertThat(run("queue", "list", "--config", site.config())).isZero();
        assertThat(console.out()).doesNotContain(id.value());
    }

    @Test
    void deleteOfNullSenderMailShouldMarkItDeletedWithoutADsn() {
        MessageId id = queued("");
        assertThat(run("queue", "delete", "--reason", "loop", "--config", site.config(), id.value())).isZero();
        assertThat(find(id).state()).isEqualTo(MessageState.DELETED);
        try (MessageStore s = open()) {
            assertThat(s.list(MessageState.QUEUED, 10)).isEmpty();
        }
    }

    @Test
    void unknownIdShouldBeOneLineAndExit2() {
        queued("planner@northwind.example");
        String unknown = MessageId.next().value();
        for (String[] args : List.of(new String[] {"show", unknown}, new String[] {"retry", unknown},
                new String[] {"delete", "--reason", "x", unknown})) {
            console.clear();
            String[] line = new String[args.length + 3];
            line[0] = "queue";
            System.arraycopy(args, 0, line, 1, args.length);
            line[args.length + 1] = "--config";
            line[args.length + 2] = site.config();
            assertThat(run(line)).as(String.join(" ", line)).isEqualTo(2);
            assertThat(console.err().lines()).containsExactly("tactgate: " + unknown + ": no such message");
            assertThat(console.out()).isEmpty();
        }
    }
}
