package org.tactgate.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.config.Settings;
import org.tactgate.testing.Mailboxes;
import org.tactgate.config.SettingsLoader;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.message.Decision;
import org.tactgate.policy.Policy;
import org.tactgate.message.Verdict;
import org.tactgate.store.MessageState;
import org.tactgate.store.StoredMessage;

/** The whole relay in process: SMTP in, SQLite store, GreenMail as the upstream. */
class RelayIT {
    @TempDir
    Path dir;
    private final GreenMail upstream = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private Relay relay;

    /** Holds any message whose body says HOLD-ME, with the sentence as evidence: enough to prove the hook. */
    private static final MessageInspector MARKER = (envelope, content) -> {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.contains("HOLD-ME")
                ? new Inspection(List.of(new Finding("marker", 1.0, "body", "HOLD-ME", "test marker")))
                : Inspection.NOTHING;
    };
    private static final Policy HOLD_ON_FINDING = (envelope, inspection) -> inspection.findings().isEmpty()
            ? Decision.pass(inspection) : new Decision(Verdict.HOLD, "marker", inspection);

    @BeforeEach
    void start() throws Exception {
        upstream.start();
        Path config = dir.resolve("tactgate.properties");
        Files.writeString(config, String.join("\n",
                "smtp.listen = 127.0.0.1:0",
                "store.url = jdbc:sqlite:data/tactgate.db",
                "upstream.host = 127.0.0.1",
                "upstream.port = " + upstream.getSmtp().getPort(),
                "upstream.starttls = never",
                "delivery.poll-interval = 200ms",
                "web.listen = 127.0.0.1:0", ""));
        Settings settings = SettingsLoader.load(config);
        relay = Relay.start(settings, MARKER, HOLD_ON_FINDING);
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
        upstream.stop();
    }

    private MimeMessage message(String body) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(relay.smtpPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(props));
        m.setFrom(new InternetAddress("ann@northwind.example", "Ann Lee"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@client.example"));
        m.setRecipient(Message.RecipientType.BCC, new InternetAddress("audit@northwind.example"));
        m.setSubject("Your booking");
        m.setText(body, "UTF-8");
        m.saveChanges();
        return m;
    }

    @Test
    void passedMessageShouldReachUpstreamWithEnvelopeBccAndBytes() throws Exception {
        MimeMessage sent = message("Dear Bob,\n.leading dot line\nSee you on Friday — Ann\n");
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        sent.writeTo(original);
        Transport.send(sent);

        await().atMost(Duration.ofSeconds(20)).until(() -> upstream.getReceivedMessages().length == 2);
        MimeMessage[] received = upstream.getReceivedMessages();
        // one copy per envelope recipient: the To and the Bcc, which no header names
        assertThat(mailboxSize("bob@client.example")).isEqualTo(1);
        assertThat(mailboxSize("audit@northwind.example")).isEqualTo(1);
        String raw = GreenMailUtil.getWholeMessage(received[0]);
        assertThat(raw).contains("by ").contains("(Tactgate)");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains(".leading dot line");
        assertThat(received[0].getHeader("Bcc")).isNull();
        assertThat(received[0].getFrom()[0].toString()).contains("ann@northwind.example");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                relay.store().countByState().getOrDefault(MessageState.DELIVERED, 0L) == 1L);
    }

    @Test
    void heldMessageShouldNotBeDeliveredAndKeepItsFindings() throws Exception {
        Transport.send(message("HOLD-ME please\n"));
        Transport.send(message("an ordinary note\n"));

        // the passed message reaches both recipients; the held one only shows in its sender's notice
        await().atMost(Duration.ofSeconds(20)).until(() -> mailboxSize("bob@client.example") == 1
                && mailboxSize("audit@northwind.example") == 1 && mailboxSize("ann@northwind.example") == 1);
        assertThat(List.of(upstream.getReceivedMessages()))
                .filteredOn(m -> !GreenMailUtil.getWholeMessage(m).contains("Are you sure?"))
                .hasSize(2).allSatisfy(m -> assertThat(GreenMailUtil.getBody(m)).doesNotContain("HOLD-ME"));
        List<StoredMessage> held = relay.store().list(MessageState.HELD, 10);
        assertThat(held).singleElement().satisfies(m -> {
            assertThat(m.decision().verdict()).isEqualTo(Verdict.HOLD);
            assertThat(m.decision().inspection().findings()).extracting(Finding::evidence).containsExactly("HOLD-ME");
        });
    }

    private int mailboxSize(String address) {
        return Mailboxes.of(upstream, address).size();
    }
}
