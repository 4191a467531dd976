package org.tactgate.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tactgate.relay.HoldSite.COLLEAGUE;
import static org.tactgate.relay.HoldSite.CUSTOMER;
import static org.tactgate.relay.HoldSite.SENDER;

import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.notify.LinkAction;
import org.tactgate.message.Verdict;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.MessageState;
import org.tactgate.store.StoredMessage;
import picocli.CommandLine;

/**
 * The hold lifecycle end to end: real SMTP in, notices and deliveries through the delivery queue
 * to GreenMail, links followed with a real HTTP client against the confirmation pages.
 */
class HoldLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RULES = HoldSite.BLAME_RULE + """

            [rule exposure]
            finding = exposure >= 0.5
            verdict = HOLD
            deadline = 1h
            at-deadline = bounce
            notify = sender
            """;

    @TempDir
    Path dir;
    private HoldSite site;

    @AfterEach
    void close() {
        if (site != null) {
            site.close();
        }
    }

    private StoredMessage onlyHeld() {
        List<StoredMessage> held = site.relay.store().list(MessageState.HELD, 10);
        assertThat(held).hasSize(1);
        return held.get(0);
    }

    private String notice() throws Exception {
        await().atMost(WAIT).until(() -> !site.mailbox(SENDER).isEmpty());
        return HoldSite.text(site.mailbox(SENDER).get(0));
    }

    private List<String> audit(StoredMessage m) {
        return site.relay.store().audit().forMessage(m.id()).stream().map(AuditEntry::action).toList();
    }

    @Test
    void sendAnywayShouldDeliverOnlyAfterThePostAndNotOnTheGet() throws Exception {
        site = new HoldSite(dir, RULES);
        site.send("About the DJ", "BLAME\n", CUSTOMER);
        await().atMost(WAIT).until(() -> site.relay.store().list(MessageState.HELD, 10).size() == 1);
        StoredMessage held = onlyHeld();

        String notice = notice();
        assertThat(notice).contains("About the DJ", CUSTOMER, "weren't you", "A kinder way to say it", "Don't send");
        String url = HoldSite.link(notice, LinkAction.SEND.label());

        HttpResponse<String> page = site.get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("About the DJ", "<mark>weren&#39;t you</mark>", "name=\"csrf\"");
        assertThat(site.relay.store().find(held.id()).orElseThrow().state()).isEqualTo(MessageState.HELD);

        HttpResponse<String> done = site.post(url, page.body());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Released");
        await().atMost(WAIT).until(() -> site.mailbox(CUSTOMER).size() == 1);
        assertThat(HoldSite.text(site.mailbox(CUSTOMER).get(0))).contains("BLAME", "X-Tactgate-Released");
        await().atMost(WAIT).until(() -> site.relay.store().find(held.id()).orElseThrow().state() == MessageState.DELIVERED);
        assertThat(audit(held)).containsExactly("verdict", "notice", "confirm");

        HttpResponse<String> again = site.post(url, page.body());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already used");
        assertThat(site.get(url).statusCode()).isEqualTo(409);
        assertThat(site.mailbox(CUSTOMER)).hasSize(1);
        assertThat(audit(held)).containsExactly("verdict", "notice", "confirm");
    }

    @Test
    void dontSendShouldReturnTheMessageToTheSenderAndNeverDeliverIt() throws Exception {
        site = new HoldSite(dir, RULES);
        site.send("About the DJ", "BLAME\n", CUSTOMER);
        String url = HoldSite.link(notice(), LinkAction.CANCEL.label());
        StoredMessage held = onlyHeld();

        HttpResponse<String> done = site.post(url, site.get(url).body());

        assertThat(done.body()).contains("Not sent");
        await().atMost(WAIT).until(() -> site.mailbox(SENDER).size() == 2);
        MimeMessage returned = site.mailbox(SENDER).get(1);
        assertThat(returned.getSubject()).startsWith("Not sent");
        assertThat(HoldSite.text(returned)).contains("message/rfc822", "BLAME");
        assertThat(site.relay.store().find(held.id()).orElseThrow().state()).isEqualTo(MessageState.BOUNCED);
        assertThat(site.mailbox(CUSTOMER)).isEmpty();
        assertThat(audit(held)).containsExactly("verdict", "notice", "cancel");
    }

    @Test
    void sendWithoutTheCustomerShouldDropTheCustomerFromTheEnvelopeAndSaySo() throws Exception {
        site = new HoldSite(dir, RULES);
        site.send("Joan's wedding", "EXPOSE\n", COLLEAGUE, CUSTOMER);
        String url = HoldSite.link(notice(), LinkAction.SEND_WITHOUT_CUSTOMER.label());
        StoredMessage held = onlyHeld();

        site.post(url, site.get(url).body());

        await().atMost(WAIT).until(() -> site.mailbox(COLLEAGUE).size() == 1);
        assertThat(site.mailbox(COLLEAGUE).get(0).getHeader("X-Tactgate-Removed-Recipients")).containsExactly(CUSTOMER);
        await().atMost(WAIT).until(() -> site.relay.store().find(held.id()).orElseThrow().state() == MessageState.DELIVERED);
        assertThat(site.mailbox(CUSTOMER)).isEmpty();
        assertThat(site.relay.store().find(held.id()).orElseThrow().envelope().recipients()).containsExactly(COLLEAGUE);
        assertThat(audit(held)).containsExactly("verdict", "notice", "send-without-customer");
    }

    @Test
    void forgedAlteredAndExpiredTokensShouldGetAClearPageAndChangeNothing() throws Exception {
        site = new HoldSite(dir, RULES);
        site.send("About the DJ", "BLAME\n", CUSTOMER);
        String url = HoldSite.link(notice(), LinkAction.CANCEL.label());
        StoredMessage held = onlyHeld();
        String base = url.substring(0, url.indexOf("/hold/") + 6);
        String token = url.substring(base.length());

        String altered = token.replace(".cancel.", ".send.");
        assertThat(site.get(base + altered).statusCode()).isEqualTo(400);
        HttpResponse<String> forged = site.postForm(base + altered, "csrf=x");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("This link is not valid");
        assertThat(site.get(base + "garbage").body()).contains("This link is not valid");

        String expired = site.relay.holds().signer().sign(held.id(), LinkAction.SEND, Instant.now().minusSeconds(1));
        HttpResponse<String> gone = site.get(base + expired);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("expired");

        HttpResponse<String> noCsrf = site.postForm(url, "csrf=made-up");
        assertThat(noCsrf.statusCode()).isEqualTo(403);

        assertThat(site.relay.store().find(held.id()).orElseThrow().state()).isEqualTo(MessageState.HELD);
        assertThat(audit(held)).containsExactly("verdict", "notice");
    }

    @Test
    void deadlineDefaultShouldApplyOnceAfterARestartOfTheRelay() throws Exception {
        site = new HoldSite(dir, HoldSite.BLAME_RELEASED_AFTER_2S);
        site.send("About the DJ", "BLAME\n", CUSTOMER);
        StoredMessage held = onlyHeld();
        Instant deadline = site.relay.store().hold(held.id()).orElseThrow().deadline();
        site.stopRelay();

        // the deadline passes while no relay runs
        await().atMost(WAIT).until(() -> Instant.now().isAfter(deadline));
        site.startRelay();

        await().atMost(WAIT).until(() -> site.mailbox(CUSTOMER).size() == 1);
        await().atMost(WAIT).until(() -> site.relay.store().find(held.id()).orElseThrow().state() == MessageState.DELIVERED);
        assertThat(site.relay.holds().scheduler().applyDeadlines()).isZero();
        assertThat(audit(held)).containsOnlyOnce("deadline-release").contains("verdict", "notice");
        assertThat(site.mailbox(CUSTOMER)).hasSize(1);
    }

    @Test
    void quarantinedMessageShouldBeDeliveredAfterACliReleaseAndShowInTheAuditExport() throws Exception {
        site = new HoldSite(dir, """
                [rule gossip]
                finding = disparagement
                verdict = QUARANTINE
                notify = reviewers
                """, "notify.reviewers = compliance@northwind.example");
        site.send("Joan", "GOSSIP\n", COLLEAGUE, CUSTOMER);
        await().atMost(WAIT).until(() -> site.relay.store().list(MessageState.QUARANTINED, 10).size() == 1);
        StoredMessage quarantined = site.relay.store().list(MessageState.QUARANTINED, 10).get(0);
        await().atMost(WAIT).until(() -> site.mailbox("compliance@northwind.example").size() == 1);
        assertThat(HoldSite.text(site.mailbox("compliance@northwind.example").get(0))).contains("Release:", "GOSSIP");

        StringWriter listed = new StringWriter();
        assertThat(cli(listed, "quarantine", "list", "--config", site.config.toString(), "--detector",
                "disparagement")).isZero();
        assertThat(listed.toString()).contains(quarantined.id().value(), "QUARANTINED", "gossip");
        StringWriter released = new StringWriter();
        assertThat(cli(released, "quarantine", "release", "--config", site.config.toString(), "--reason", "checked",
                quarantined.id().value())).isZero();
        assertThat(released.toString()).contains("Released");

        await().atMost(WAIT).until(() -> site.mailbox(CUSTOMER).size() == 1 && site.mailbox(COLLEAGUE).size() == 1);
        await().atMost(WAIT).until(() ->
                site.relay.store().find(quarantined.id()).orElseThrow().state() == MessageState.DELIVERED);
        StringWriter again = new StringWriter();
        assertThat(cli(again, "quarantine", "release", "--config", site.config.toString(), quarantined.id().value()))
                .isEqualTo(1);
        assertThat(again.toString()).contains("Already sent");

        StringWriter csv = new StringWriter();
        assertThat(cli(csv, "audit", "export", "--config", site.config.toString(), "--format", "csv",
                "--message", quarantined.id().value())).isZero();
        assertThat(csv.toString().lines().toList()).hasSize(4).first().isEqualTo("at,message,actor,from,action,detail");
        assertThat(csv.toString()).contains(",cli,release,checked");
        StringWriter jsonl = new StringWriter();
        assertThat(cli(jsonl, "audit", "export", "--config", site.config.toString(), "--format", "jsonl",
                "--action", "release")).isZero();
        assertThat(jsonl.toString().lines().toList()).singleElement().asString()
                .contains("\"action\":\"release\"", "\"from\":\"cli\"");
    }

    private static int cli(StringWriter out, String... args) {
        return new CommandLine(new org.tactgate.cli.Main()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(out, true)).execute(args);
    }

    @Test
    void monitorModeShouldDeliverEverythingAndRecordTheVerdicts() throws Exception {
        site = new HoldSite(dir, RULES, "policy.monitor = true");
        site.send("About the DJ", "BLAME\n", CUSTOMER);
        site.send("Joan's wedding", "EXPOSE\n", COLLEAGUE, CUSTOMER);

        await().atMost(WAIT).until(() -> site.mailbox(CUSTOMER).size() == 2 && site.mailbox(COLLEAGUE).size() == 1);
        List<StoredMessage> delivered = site.relay.store().list(MessageState.DELIVERED, 10);
        assertThat(delivered).hasSize(2).allSatisfy(m -> assertThat(m.decision().verdict()).isEqualTo(Verdict.HOLD));
        assertThat(delivered).extracting(m -> m.decision().rule()).containsExactlyInAnyOrder("blame", "exposure");
        assertThat(site.relay.store().audit().list(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of("verdict"), 10)).hasSize(2)
                .allSatisfy(e -> assertThat(e.detail()).contains("monitor mode"));
        assertThat(site.mailbox(SENDER)).isEmpty();
    }
}
