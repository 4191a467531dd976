package org.tactgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.config.HostPort;
import org.tactgate.config.WebSettings;
import org.tactgate.message.Verdict;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;

/** {@code /health}, {@code /metrics}, the security headers on every route, and the separate console listener. */
class OperationsRoutesTest {
    @TempDir
    Path dir;

    @Test
    void everyRouteShouldCarryTheSecurityHeaders() {
        try (WebFixture web = new WebFixture(dir)) {
            NewMessage m = web.add(TestMail.quarantined("a@northwind.example", "c@example.com", "s", "blame", "x",
                    Instant.now()));
            WebClient admin = web.admin();
            List<WebClient.Response> responses = new java.util.ArrayList<>();
            for (String path : List.of("/", "/login", "/console", "/console/messages/" + m.id(), "/console/audit",
                    "/console/audit.csv", "/console/dashboard", "/console/precision", "/health", "/metrics",
                    "/static/console.css", "/no/such/page", "/api/messages", "/api/audit")) {
                responses.add(admin.get(path));
            }
            responses.add(admin.post("/console/bulk", "action", "release"));
            responses.add(web.client().post("/login"));
            for (WebClient.Response r : responses) {
                assertThat(r.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CSP);
                assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
                assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            }
            assertThat(admin.get("/no/such/page").status()).isEqualTo(404);
            assertThat(admin.get("/static/console.css").header("Content-Type")).startsWith("text/css");
        }
    }

    @Test
    void healthShouldSayOkThenStuckWhenQueuedMailIsNotTaken() {
        try (WebFixture web = new WebFixture(dir)) {
            WebClient c = web.client();
            WebClient.Response ok = c.get("/health");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).contains("\"status\":\"ok\"").contains("\"queue\":\"moving\"");

            web.add(TestMail.message(MessageState.QUEUED, "a@northwind.example", "c@example.com", web.clock.instant(),
                    TestMail.text("s", "a@northwind.example", "c@example.com", "b")));
            assertThat(c.get("/health").status()).as("due just now").isEqualTo(200);
            web.clock.advance(Health.STUCK_AFTER.plusMinutes(1));
            WebClient.Response stuck = c.get("/health");
            assertThat(stuck.status()).isEqualTo(503);
            assertThat(stuck.body()).contains("\"queue\":\"stuck\"").contains("\"queueDepth\":1");
        }
    }

    @Test
    void healthShouldFailWhenTheStoreIsUnreachable() {
        org.tactgate.config.StoreSettings s = new org.tactgate.config.StoreSettings(
                "jdbc:sqlite:" + dir.resolve("closed.db"), Optional.empty(), Optional.empty());
        org.tactgate.store.MessageStore closed = org.tactgate.store.JdbcMessageStore.open(s);
        closed.close();
        try (WebFixture web = new WebFixture(dir)) {
            WebServer server = new WebServer(closed, web.actions, web.audit, web.users, web.registry,
                    WebSettings.loopback());
            server.start();
            try {
                WebClient.Response r = new WebClient(server.port()).get("/health");
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.body()).contains("\"store\":\"unreachable\"");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void metricsShouldExportTheRelayMetersInPrometheusFormat() {
        try (WebFixture web = new WebFixture(dir)) {
            RelayMetrics metrics = new RelayMetrics(web.registry, web.store);
            web.add(TestMail.quarantined("a@northwind.example", "c@example.com", "s", "blame", "x", Instant.now()));
            metrics.smtpSession();
            metrics.messageJudged(Verdict.QUARANTINE);
            metrics.detectorHit("blame");
            metrics.deliveryAttempt(Duration.ofMillis(120), true);
            metrics.deliveryFailure("temporary");
            metrics.decided("release");
            metrics.expired(org.tactgate.store.Hold.AtDeadline.BOUNCE);
            java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong(1_500_000_000L);
            metrics.countFrom("tactgate.reader.model.seconds", "reader time", java.util.Map.of(), nanos::get, 1e-9);
            metrics.countFrom("tactgate.reader.passages", "passages", java.util.Map.of("source", "cache"), () -> 7, 1);
            // the suppliers above are referenced by nothing else: a registry holding them weakly loses them here
            System.gc();
            WebClient.Response r = web.client().get("/metrics");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/plain");
            assertThat(r.body()).contains("tactgate_smtp_sessions_total 1.0",
                    "tactgate_messages_judged_total{verdict=\"quarantine\"} 1.0",
                    "tactgate_messages_judged_total{verdict=\"pass\"} 0.0",
                    "tactgate_detector_hits_total{detector=\"blame\"} 1.0",
                    "tactgate_queue_depth 0.0",
                    "tactgate_stored_messages{state=\"quarantined\"} 1.0",
                    "tactgate_delivery_seconds_count{result=\"delivered\"} 1",
                    "tactgate_delivery_failures_total{kind=\"temporary\"} 1.0",
                    "tactgate_hold_decisions_total{action=\"release\"} 1.0",
                    "tactgate_hold_timeouts_total{outcome=\"bounce\"} 1.0",
                    "tactgate_reader_model_seconds_total 1.5",
                    "tactgate_reader_passages_total{source=\"cache\"} 7.0");
        }
    }

    @Test
    void separateConsoleListenerShouldKeepTheConsoleOffThePublicPort() {
        WebSettings split = new WebSettings(new HostPort("127.0.0.1", 0), Optional.of(new HostPort("127.0.0.1", 0)),
                Duration.ofMinutes(30));
        RouteGroup senderPages = app -> app.get("/confirm/{token}", ctx -> ctx.result("confirm page"));
        try (WebFixture web = new WebFixture(dir, split, senderPages)) {
            assertThat(web.server.consolePort()).isNotEqualTo(web.server.port());
            WebClient pub = new WebClient(web.server.port());
            assertThat(pub.get("/confirm/abc").body()).isEqualTo("confirm page");
            assertThat(pub.get("/health").status()).isEqualTo(200);
            for (String path : List.of("/console", "/login", "/api/messages", "/metrics")) {
                assertThat(pub.get(path).status()).as(path).isEqualTo(404);
            }
            WebClient console = web.client();
            assertThat(console.get("/confirm/abc").status()).isEqualTo(404);
            assertThat(console.get("/health").status()).isEqualTo(200);
            assertThat(console.login("rita", WebFixture.PASSWORD).status()).isEqualTo(302);
            assertThat(console.get("/console").status()).isEqualTo(200);
        }
    }
}
