package org.tactgate.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.tactgate.relay.HoldSite.CUSTOMER;
import static org.tactgate.relay.HoldSite.SENDER;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.notify.LinkAction;
import org.tactgate.store.MessageState;

/**
 * {@code /metrics} of a started relay, scraped over loopback as Prometheus would: each series
 * there from the start, counted where its event happens, with help text, and clean by
 * {@code promtool check metrics} when promtool is installed; {@code .ci/run} installs it and sets
 * {@code TACTGATE_REQUIRE_PROMTOOL=true}, where a missing promtool fails instead of skipping.
 */
class RelayMetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path dir;

    private static String scrape(HoldSite site) throws Exception {
        var response = site.get("http://127.0.0.1:" + site.relay.consolePort() + "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of one sample, e.g. {@code tactgate_smtp_sessions_total}, or -1 when absent. */
    private static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void everyKnownSeriesShouldBeThereAtZeroBeforeAnyMail() throws Exception {
        try (HoldSite site = new HoldSite(dir, HoldSite.BLAME_RULE)) {
            String scrape = scrape(site);

            assertThat(sample(scrape, "tactgate_smtp_sessions_total")).isZero();
            assertZero(scrape, "tactgate_detector_hits_total", "detector",
                    "blame", "disparagement", "exposure", "unparseable", "inspection-error");
            assertZero(scrape, "tactgate_messages_judged_total", "verdict",
                    "pass", "tag", "hold", "quarantine", "bounce", "reject");
            assertZero(scrape, "tactgate_delivery_failures_total", "kind", "temporary", "permanent");
            assertZero(scrape, "tactgate_delivery_seconds_count", "result", "delivered", "failed");
            assertZero(scrape, "tactgate_hold_decisions_total", "action",
                    "confirm", "approve", "cancel", "send-without-customer", "release", "bounce", "delete");
            assertZero(scrape, "tactgate_hold_timeouts_total", "outcome", "release", "bounce");
            assertZero(scrape, "tactgate_reloads_total", "result", "applied", "refused");
        }
    }

    @Test
    void jvmProcessAndBuildSeriesShouldBeExported() throws Exception {
        try (HoldSite site = new HoldSite(dir, HoldSite.BLAME_RULE)) {
            String scrape = scrape(site);

            assertThat(scrape).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads ",
                    "jvm_classes_loaded_classes ", "jvm_gc_", "system_cpu_processors ", "process_cpu_usage ",
                    "process_files_open_files ", "process_uptime_seconds ");
            // the Maven project version, filtered into build-info.properties at build time
            assertThat(scrape)
                    .containsPattern("(?m)^tactgate_build_info\\{version=\"\\d+\\.\\d+\\.\\d+[^\"]*\"} 1(\\.0)?$");
        }
    }

    @Test
    void everySeriesShouldCarryHelpText() throws Exception {
        try (HoldSite site = new HoldSite(dir, HoldSite.BLAME_RULE)) {
            String scrape = scrape(site);

            Set<String> typed = names(scrape, "(?m)^# TYPE (\\S+) ");
            Set<String> helped = names(scrape, "(?m)^# HELP (\\S+) \\S");
            assertThat(typed).isNotEmpty();
            assertThat(helped).containsAll(typed);
        }
    }

    @Test
    void smtpSessionShouldBeCountedAfterARealSmtpSession() throws Exception {
        try (HoldSite site = new HoldSite(dir, HoldSite.BLAME_RULE)) {
            site.send("Friday", "See you on Friday\n", CUSTOMER);
            // a client that only says QUIT is a session too
            try (Socket s = new Socket("127.0.0.1", site.relay.smtpPort()); OutputStream out = s.getOutputStream()) {
                s.getInputStream().read(new byte[512]);
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                s.getInputStream().readAllBytes();
            }

            await().atMost(WAIT).until(() -> sample(scrape(site), "tactgate_smtp_sessions_total") == 2);
            String scrape = scrape(site);
            assertThat(sample(scrape, "tactgate_messages_judged_total{verdict=\"pass\"}")).isEqualTo(1);
        }
    }

    @Test
    void sendersConfirmationShouldBeCountedAsAHoldDecision() throws Exception {
        try (HoldSite site = new HoldSite(dir, HoldSite.BLAME_RULE)) {
            site.send("About the DJ", "BLAME\n", CUSTOMER);
            await().atMost(WAIT).until(() -> !site.mailbox(SENDER).isEmpty());
            String url = HoldSite.link(HoldSite.text(site.mailbox(SENDER).get(0)), LinkAction.SEND.label());

            site.post(url, site.get(url).body());

            String scrape = scrape(site);
            assertThat(sample(scrape, "tactgate_hold_decisions_total{action=\"confirm\"}")).isEqualTo(1);
            assertThat(sample(scrape, "tactgate_messages_judged_total{verdict=\"hold\"}")).isEqualTo(1);
            assertThat(sample(scrape, "tactgate_detector_hits_total{detector=\"blame\"}")).isEqualTo(1);
            assertThat(sample(scrape, "tactgate_hold_timeouts_total{outcome=\"bounce\"}")).isZero();
        }
    }

    @Test
    void deadlineDefaultShouldBeCountedAsATimeoutAndNotAsADecision() throws Exception {
        try (HoldSite site = new HoldSite(dir, HoldSite.BLAME_RELEASED_AFTER_2S)) {
            site.send("About the DJ", "BLAME\n", CUSTOMER);

            await().atMost(WAIT)
                    .until(() -> sample(scrape(site), "tactgate_hold_timeouts_total{outcome=\"release\"}") == 1);
            await().atMost(WAIT)
                    .until(() -> site.relay.store().countByState().getOrDefault(MessageState.DELIVERED, 0L) >= 1);
            assertThat(sample(scrape(site), "tactgate_hold_decisions_total{action=\"release\"}")).isZero();
        }
    }

    @Test
    void scrapeShouldPassPromtoolCheckMetrics() throws Exception {
        boolean installed = Files.isExecutable(PROMTOOL);
        if (!installed && Boolean.parseBoolean(System.getenv("TACTGATE_REQUIRE_PROMTOOL"))) {
            throw new AssertionError(PROMTOOL + " not found and TACTGATE_REQUIRE_PROMTOOL=true (CI):"
                    + " /metrics must be linted");
        }
        assumeThat(installed).as("skipped: " + PROMTOOL + " not installed (Debian: apt-get install prometheus;"
                + " .ci/run installs it)").isTrue();
        try (HoldSite site = new HoldSite(dir, HoldSite.BLAME_RULE)) {
            // one message delivered, so the timers and counters carry values, not only zeros
            site.send("Friday", "See you on Friday\n", CUSTOMER);
            await().atMost(WAIT)
                    .until(() -> sample(scrape(site), "tactgate_delivery_seconds_count{result=\"delivered\"}") == 1);

            Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true)
                    .start();
            try (OutputStream in = promtool.getOutputStream()) {
                in.write(scrape(site).getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            promtool.getInputStream().transferTo(said);
            assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(said.toString(StandardCharsets.UTF_8)).as("promtool check metrics").isBlank();
            assertThat(promtool.exitValue()).isZero();
        }
    }

    private static void assertZero(String scrape, String name, String label, String... values) {
        for (String value : values) {
            String series = name + "{" + label + "=\"" + value + "\"}";
            assertThat(sample(scrape, series)).as(series).isZero();
        }
    }

    private static Set<String> names(String scrape, String regex) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(scrape);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
