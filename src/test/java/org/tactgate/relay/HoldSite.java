package org.tactgate.relay;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tactgate.config.Settings;
import org.tactgate.config.SettingsLoader;
import org.tactgate.directory.Directory;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.policy.RulePolicy;
import org.tactgate.policy.RulesFile;
import org.tactgate.testing.Mailboxes;

/**
 * A whole site for hold-lifecycle tests: GreenMail as the upstream (and so as every mailbox,
 * the sender's included), the relay on a SQLite store in a temp folder with a rules file, and
 * the relay's own web server on a free loopback port (the confirmation pages the notices link to). The inspector reports a finding
 * per marker word (BLAME, GOSSIP, EXPOSE), so the tests exercise the real policy and lifecycle
 * without depending on detector tuning. Not thread-safe; one per test.
 */
final class HoldSite implements AutoCloseable {
    static final String SENDER = "ann@northwind.example";
    static final String CUSTOMER = "joan@client.example";
    static final String COLLEAGUE = "bob@northwind.example";
    /** Blame holds for the sender's decision, bounced if nobody decides within the hour. */
    static final String BLAME_RULE = """
            [rule blame]
            finding = blame >= 0.5
            verdict = HOLD
            deadline = 1h
            at-deadline = bounce
            notify = sender
            """;
    /** Blame held, released by default two seconds later: a deadline a test can wait for. */
    static final String BLAME_RELEASED_AFTER_2S = """
            [rule blame]
            finding = blame
            verdict = HOLD
            deadline = 2s
            at-deadline = release
            """;

    private static final MessageInspector MARKERS = (envelope, content) -> {
        String text = new String(content, StandardCharsets.UTF_8);
        List<Finding> out = new ArrayList<>();
        if (text.contains("BLAME")) {
            out.add(new Finding("blame", 0.9, "body", "You were the one who wanted BLAME, weren't you?",
                    "accusing tag question \"weren't you\""));
        }
        if (text.contains("GOSSIP")) {
            out.add(new Finding("disparagement", 0.9, "body", "Between us, GOSSIP: she is cheap.", "speaks ill"));
        }
        if (text.contains("EXPOSE")) {
            out.add(new Finding("exposure", 0.8, "body", "EXPOSE: Joan still owes us the deposit.",
                    "talks about a customer who is on Cc/Bcc"));
        }
        return new Inspection(out);
    };

    final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    final Path dir;
    final Path config;
    final int webPort;
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    Relay relay;

    HoldSite(Path dir, String rules, String... extraSettings) throws IOException {
        this.dir = dir;
        mail.start();
        webPort = freePort();
        Files.writeString(dir.resolve("policy.rules"), rules);
        config = dir.resolve("tactgate.properties");
        List<String> lines = new ArrayList<>(List.of(
                "smtp.listen = 127.0.0.1:0",
                "smtp.hostname = relay.northwind.example",
                "store.url = jdbc:sqlite:data/tactgate.db",
                "upstream.host = 127.0.0.1",
                "upstream.port = " + mail.getSmtp().getPort(),
                "upstream.starttls = never",
                "delivery.poll-interval = 200ms",
                "internal.domains = northwind.example",
                "customers.external-default = true",
                "policy.file = policy.rules",
                "policy.deadline-check = 200ms",
                "notify.from = tactgate@northwind.example",
                "web.listen = 127.0.0.1:" + webPort,
                "web.base-url = http://127.0.0.1:" + webPort));
        lines.addAll(List.of(extraSettings));
        Files.writeString(config, String.join("\n", lines) + "\n");
        startRelay();
    }

    void startRelay() {
        Settings settings = SettingsLoader.load(config);
        Directory directory = Directory.of(settings.directory());
        RulePolicy policy = new RulePolicy(RulesFile.read(settings.policy().file().orElseThrow()), directory,
                settings.inspect().thresholds(), settings.policy().monitor(), Clock.systemUTC());
        relay = Relay.start(settings, MARKERS, policy);
    }

    void stopRelay() {
        relay.close();
        relay = null;
    }

    void send(String subject, String body, String to, String... cc) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(relay.smtpPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(props));
        m.setFrom(new InternetAddress(SENDER, "Ann Lee"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        for (String c : cc) {
            m.addRecipient(Message.RecipientType.CC, new InternetAddress(c));
        }
        m.setSubject(subject);
        m.setText(body, "UTF-8");
        m.saveChanges();
        Transport.send(m);
    }

    /** Messages in one address's mailbox (GreenMail files each copy by envelope recipient). */
    List<MimeMessage> mailbox(String address) {
        return Mailboxes.of(mail, address);
    }

    /** The whole text of a message as received. */
    static String text(MimeMessage m) {
        return GreenMailUtil.getWholeMessage(m);
    }

    /** The URL after a button's label in a notice. */
    static String link(String notice, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + ":\\r?\\n\\s+(http\\S+)").matcher(notice);
        if (!m.find()) {
            throw new AssertionError("no '" + label + "' link in:\n" + notice);
        }
        return m.group(1);
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits the page's form as a browser would: its CSRF field, with the cookie the GET set. */
    HttpResponse<String> post(String url, String page) throws Exception {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        String csrf = m.find() ? m.group(1) : "";
        return postForm(url, "csrf=" + csrf);
    }

    HttpResponse<String> postForm(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
        mail.stop();
    }
}
