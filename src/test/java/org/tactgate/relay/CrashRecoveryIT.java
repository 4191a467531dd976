package org.tactgate.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: the relay runs as its own JVM, takes a bounded stream of
 * messages, is killed with SIGKILL mid-stream, restarted on the same store, and every message
 * that got a 250 must reach the upstream. Duplicates are allowed (at-least-once) and counted.
 */
class CrashRecoveryIT {
    private static final int SENDERS = 4;
    private static final int PER_SENDER = 150;
    private static final int KILL_AFTER_ACKS = 120;

    @TempDir
    Path dir;
    private final GreenMail upstream = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final List<Process> relays = new ArrayList<>();

    @AfterEach
    void tearDown() {
        relays.forEach(Process::destroyForcibly);
        upstream.stop();
    }

    @Test
    void everyAcknowledgedMessageShouldBeDeliveredAfterKillNineAndRestart() throws Exception {
        upstream.start();
        int port = freePort();
        Path config = writeConfig(port);

        Process first = startRelay(config, port, "first.log");
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int t = 0; t < SENDERS; t++) {
            int sender = t;
            senders.submit(() -> send(port, sender, acked, refused, PER_SENDER));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= KILL_AFTER_ACKS);
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.get()).as("the kill must land mid-stream, so some sends fail").isPositive();
        Set<String> ackedBeforeRestart = Set.copyOf(acked);

        startRelay(config, port, "second.log");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(delivered().keySet()).containsAll(ackedBeforeRestart));

        Map<String, Integer> counts = delivered();
        long duplicates = counts.values().stream().filter(c -> c > 1).count();
        System.out.printf("crash test: %d acknowledged, %d delivered distinct, %d duplicated, %d refused by the kill%n",
                ackedBeforeRestart.size(), counts.size(), duplicates, refused.get());
        assertThat(ackedBeforeRestart).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);
    }

    @Test
    void sigtermShouldStopGracefullyAndEverythingAcceptedShouldStillBeDelivered() throws Exception {
        upstream.start();
        int port = freePort();
        Path config = writeConfig(port);
        Process relay = startRelay(config, port, "graceful.log");
        Set<String> acked = ConcurrentHashMap.newKeySet();
        send(port, 9, acked, new AtomicInteger(), 30);
        assertThat(acked).hasSize(30);

        relay.destroy(); // SIGTERM
        assertThat(relay.waitFor(30, TimeUnit.SECONDS)).as("exits within 30 s of SIGTERM").isTrue();
        assertThat(Files.readString(dir.resolve("graceful.log"))).contains("stopping:").contains("stopped");

        startRelay(config, port, "graceful-restart.log");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(delivered().keySet()).containsAll(acked));
    }

    private Path writeConfig(int port) throws IOException {
        Path config = dir.resolve("tactgate.properties");
        Files.writeString(config, String.join("\n",
                "smtp.listen = 127.0.0.1:" + port,
                "store.url = jdbc:sqlite:store/tactgate.db",
                "upstream.host = 127.0.0.1",
                "upstream.port = " + upstream.getSmtp().getPort(),
                "upstream.starttls = never",
                "delivery.retry.initial = 1s",
                "delivery.poll-interval = 200ms",
                "web.listen = 127.0.0.1:0",
                "internal.domains = northwind.example", ""));
        return config;
    }

    private void send(int port, int sender, Set<String> acked, AtomicInteger refused, int count) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(props);
        Instant deadline = Instant.now().plusSeconds(60);
        for (int n = 0; n < count && Instant.now().isBefore(deadline); n++) {
            String seq = sender + "-" + n;
            try {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("ann@northwind.example"));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@northwind.example"));
                m.setSubject("crash " + seq);
                m.setHeader("X-Seq", seq);
                m.setText("Message " + seq + " of a bounded stream.\n".repeat(40));
                Transport.send(m);
                acked.add(seq);
            } catch (MessagingException e) {
                if (refused.incrementAndGet() > 3) {
                    return; // the relay is gone: stop this sender
                }
            }
        }
    }

    private Map<String, Integer> delivered() throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : upstream.getReceivedMessages()) {
            String[] seq = m.getHeader("X-Seq");
            if (seq != null) {
                counts.merge(seq[0], 1, Integer::sum);
            }
        }
        return counts;
    }

    private Process startRelay(Path config, int port, String logName) throws IOException {
        Path jar = Path.of("target", "tactgate.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn package runs before integration tests)").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "serve", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName).toFile())
                .start();
        relays.add(p);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(p.isAlive()).as("relay exited; see " + dir.resolve(logName)).isTrue();
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
