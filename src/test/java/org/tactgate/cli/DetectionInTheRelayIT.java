package org.tactgate.cli;

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
import org.tactgate.config.SettingsLoader;
import org.tactgate.directory.Directory;
import org.tactgate.message.Finding;
import org.tactgate.message.Verdict;
import org.tactgate.relay.Relay;
import org.tactgate.store.MessageState;
import org.tactgate.store.StoredMessage;
import org.tactgate.testing.Mailboxes;

/**
 * The relay as {@code serve} builds it — the real detectors and the default policy — over real
 * SMTP: a colleague's mail that disparages the customer it copies is not delivered, and its
 * verdict and evidence are stored; an ordinary mail to the same customer goes straight through.
 */
class DetectionInTheRelayIT {
    @TempDir
    Path dir;
    private final GreenMail upstream = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private Relay relay;

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
                "web.listen = 127.0.0.1:0",
                "internal.domains = northwind.example",
                "customers.external-default = true", ""));
        Settings settings = SettingsLoader.load(config);
        Directory directory = Directory.of(settings.directory());
        relay = Relay.start(settings, Detection.inspector(settings, directory), Detection.policy(settings, directory));
    }

    @AfterEach
    void stop() {
        relay.close();
        upstream.stop();
    }

    private void send(String subject, String body, InternetAddress to, InternetAddress cc) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(relay.smtpPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(props));
        m.setFrom(new InternetAddress("ann@northwind.example", "Ann Lee"));
        m.setRecipient(Message.RecipientType.TO, to);
        if (cc != null) {
            m.setRecipient(Message.RecipientType.CC, cc);
        }
        m.setSubject(subject);
        m.setText(body, "UTF-8");
        Transport.send(m);
    }

    @Test
    void disparagingMailCopiedToTheCustomerShouldBeStoppedWithItsEvidence() throws Exception {
        InternetAddress customer = new InternetAddress("pauline@bailey-events.example", "Pauline Bailey");
        send("Bailey wedding", "Mia, between us, Pauline is the most entitled, penny-pinching client we have."
                        + " Quote her high.\n",
                new InternetAddress("mia@northwind.example", "Mia Park"), customer);
        send("Your wedding menu", "Dear Pauline,\nThe tasting is booked for Friday at 3pm. Kind regards, Ann\n",
                customer, null);

        // the ordinary mail arrives; the sender's "are you sure?" notice arrives; the gossip does not
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox("pauline@bailey-events.example").size() == 1
                && mailbox("ann@northwind.example").size() == 1);
        assertThat(GreenMailUtil.getBody(mailbox("pauline@bailey-events.example").get(0))).contains("tasting is booked");
        assertThat(mailbox("mia@northwind.example")).isEmpty();
        assertThat(GreenMailUtil.getBody(mailbox("ann@northwind.example").get(0))).contains("Are you sure");

        StoredMessage stopped = relay.store().list(MessageState.QUARANTINED, 10).stream()
                .filter(m -> m.recipients().size() == 2).findFirst().orElseThrow();
        assertThat(stopped.decision().verdict()).isEqualTo(Verdict.QUARANTINE);
        assertThat(stopped.decision().inspection().findings())
                .anySatisfy(f -> {
                    assertThat(f.detector()).isEqualTo("disparagement");
                    assertThat(f.evidence()).contains("Pauline is the most entitled");
                    assertThat(f.reason()).isNotBlank();
                })
                .extracting(Finding::detector).contains("disparagement");
    }

    private List<MimeMessage> mailbox(String address) {
        return Mailboxes.of(upstream, address);
    }
}
