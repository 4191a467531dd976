package org.tactgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.smtp.SmtpDialogue;

/**
 * The release archive that {@code mvn package} built, installed as README's "Install from the
 * release archive" says, under a temp folder standing for {@code /}: unpacked into {@code opt/},
 * the settings copied to {@code etc/tactgate} with the README's path substitution, the data in
 * {@code var/lib/tactgate}. {@code bin/tactgate serve} runs as its own process with nothing on
 * its PATH but java, bash and dirname (no Maven), in front of a GreenMail upstream; one SMTP
 * session stays open while the policy and customers files change and SIGHUP reloads them.
 */
class ReleaseArchiveIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String RITA_AWAY = "[rule rita-away]\nsender = rita@northwind.example\nverdict = REJECT\n"
            + "reason = Rita is away until Monday\n\n";

    @TempDir
    Path root;
    private final GreenMail upstream = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private Process relay;
    private Path log;

    @AfterEach
    void stop() throws IOException {
        if (relay != null) {
            relay.destroyForcibly();
        }
        upstream.stop();
        // the PATH's links point outside the temp folder, which JUnit warns about when it deletes them
        Path path = root.resolve("path");
        if (Files.isDirectory(path)) {
            try (Stream<Path> links = Files.list(path)) {
                for (Path link : links.toList()) {
                    Files.delete(link);
                }
            }
        }
    }

    @Test
    void theUnpackedArchiveShouldRelayWithJavaAloneAndReloadOnSighupWithoutDroppingTheSession() throws Exception {
        upstream.start();
        Path home = unpack();
        Path etc = install(home);
        int port = freePort();
        configure(etc, port);
        relay = start(home, etc, port);
        assertThat(ProcessHandle.of(relay.pid()).flatMap(p -> p.info().command()).orElse(""))
                .as("bin/tactgate execs java, so the service's main PID is the relay and gets SIGHUP").endsWith("java");
        assertThat(home.resolve("target")).as("no build on first use in an archive").doesNotExist();

        try (SmtpDialogue session = SmtpDialogue.connect(port)) {
            session.send("EHLO app.northwind.example").expect("250");
            assertThat(mail(session, "rita@northwind.example", "first")).startsWith("250");
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered("first"));

            Path policy = etc.resolve("policy.rules");
            String shipped = Files.readString(policy);
            Files.writeString(policy, RITA_AWAY + shipped);
            // the shipped file is its header and comments: a first customer under them
            Files.writeString(etc.resolve("customers.csv"), "\"Parkway Dental Group, Ltd\",joan@parkwaydental.example,"
                    + "parkwaydental.example,Parkway\n", StandardOpenOption.APPEND);
            hangUp();
            awaitLog("reloaded the policy, lexicons, customers and TLS certificate", 1);
            assertThat(Files.readString(log)).contains("loaded 1 customers from " + etc.resolve("customers.csv"))
                    .doesNotContain("row skipped");
            assertThat(mail(session, "rita@northwind.example", "second"))
                    .as("the new rule, in the session opened before the reload").startsWith("550")
                    .contains("Rita is away until Monday");

            Files.writeString(policy, "deadline 3d\n" + RITA_AWAY + shipped);
            hangUp();
            awaitLog("reload refused", 1);
            assertThat(Files.readAllLines(log)).filteredOn(l -> l.contains("reload refused")).singleElement()
                    .asString().contains(etc.resolve("tactgate.properties") + ", line ").contains("policy.file: " + policy + ":1:");
            assertThat(Files.readString(log)).as("a broken file is one line, never a stack trace").doesNotContain("\tat ");
            assertThat(mail(session, "rita@northwind.example", "third")).as("the previous set stays").startsWith("550");
            assertThat(mail(session, "ann@northwind.example", "fourth")).startsWith("250");
            session.send("QUIT").expect("221");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered("fourth"));
        assertThat(delivered("second") || delivered("third")).isFalse();

        relay.destroy(); // SIGTERM, as systemctl stop
        assertThat(relay.waitFor(60, TimeUnit.SECONDS)).as("stops within 60 s of SIGTERM").isTrue();
        assertThat(Files.readString(log)).contains("stopped");
    }

    /** {@code tar -xzf target/tactgate-VERSION.tar.gz -C /opt}, the modes as packed (bin/tactgate executable). */
    private Path unpack() throws Exception {
        Path archive = Path.of("target", "tactgate-" + version() + ".tar.gz").toAbsolutePath();
        assertThat(archive).as("the release archive (mvn package runs before integration tests)").exists();
        Path opt = Files.createDirectories(root.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", opt.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        Path home = opt.resolve("tactgate-" + version());
        assertThat(home.resolve("lib/tactgate.jar")).exists();
        assertThat(home.resolve("dist/tactgate.service")).exists();
        assertThat(home.resolve("README.md")).exists();
        assertThat(Files.isExecutable(home.resolve("bin/tactgate"))).isTrue();
        return home;
    }

    /**
     * The README's install steps: the shipped settings copied to /etc/tactgate, and its {@code sed}
     * line run on them as written there, {@code ${home}/data} to /var/lib/tactgate and
     * {@code ${home}/config} to /etc/tactgate (the temp folder's, here).
     */
    private Path install(Path home) throws IOException, InterruptedException {
        Path etc = Files.createDirectories(root.resolve("etc/tactgate"));
        Path data = Files.createDirectories(root.resolve("var/lib/tactgate"));
        try (Stream<Path> files = Files.list(home.resolve("config"))) {
            for (Path f : files.toList()) {
                Files.copy(f, etc.resolve(f.getFileName()));
            }
        }
        Path settings = etc.resolve("tactgate.properties");
        Process sed = new ProcessBuilder("sed", "-i", "s|\\${home}/data|" + data + "|; s|\\${home}/config|" + etc + "|",
                settings.toString()).inheritIO().start();
        assertThat(sed.waitFor()).isZero();
        return etc;
    }

    /** What an admin edits next: the listener, the upstream, the customers file; the reader off to start fast. */
    private void configure(Path etc, int port) throws IOException {
        Path settings = etc.resolve("tactgate.properties");
        String text = Files.readString(settings);
        text = set(text, "smtp.listen", "127.0.0.1:" + port);
        text = set(text, "upstream.host", "127.0.0.1");
        text = set(text, "upstream.port", String.valueOf(upstream.getSmtp().getPort()));
        text = set(text, "upstream.starttls", "never");
        text = set(text, "web.listen", "127.0.0.1:0");
        text = set(text, "customers.file", etc.resolve("customers.csv").toString());
        Files.writeString(settings, text + "inspect.reader = off\ndelivery.poll-interval = 200ms\n");
        assertThat(Files.readAllLines(settings)).filteredOn(l -> !l.startsWith("#"))
                .as("every path is under /etc/tactgate or /var/lib/tactgate").noneMatch(l -> l.contains("${home}"));
    }

    /** The line of {@code key}, commented out or not, with {@code value}; the shipped file must have it. */
    private static String set(String text, String key, String value) {
        Matcher line = Pattern.compile("(?m)^#?" + Pattern.quote(key) + " =.*$").matcher(text);
        assertThat(line.find()).as("the shipped settings have a line for " + key).isTrue();
        return line.replaceFirst(Matcher.quoteReplacement(key + " = " + value));
    }

    /** {@code bin/tactgate serve}, with java, bash and dirname alone on the PATH, until it is ready for SIGHUP. */
    private Process start(Path home, Path etc, int port) throws IOException {
        Path path = Files.createDirectories(root.resolve("path"));
        Files.createSymbolicLink(path.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Files.createSymbolicLink(path.resolve("bash"), Path.of("/bin/bash"));
        Files.createSymbolicLink(path.resolve("dirname"), which("dirname"));
        log = root.resolve("relay.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/tactgate").toString(), "serve",
                "--config", etc.resolve("tactgate.properties").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).directory(root.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", path.toString());
        env.put("TACTGATE_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC");
        Process p = builder.start();
        await().atMost(START).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(p.isAlive()).as("relay exited; its log:\n" + Files.readString(log)).isTrue();
            // the relay's last line of its start, after the SIGHUP handler's
            return Files.readString(log).contains(" started at ") && accepts(port);
        });
        return p;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One message in the open session; the reply to its end of data. */
    private static String mail(SmtpDialogue session, String from, String subject) throws IOException {
        session.send("MAIL FROM:<" + from + ">").expect("250");
        session.send("RCPT TO:<bob@client.example>").expect("250");
        return session.data("From: " + from + "\r\nTo: bob@client.example\r\nSubject: " + subject
                + "\r\n\r\nSee you on Friday at ten.\r\n");
    }

    private boolean delivered(String subject) {
        return Arrays.stream(upstream.getReceivedMessages()).anyMatch(m -> subject(m).equals(subject));
    }

    private static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private void hangUp() throws Exception {
        assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(relay.pid())).inheritIO().start().waitFor()).isZero();
    }

    private void awaitLog(String text, int times) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                Files.readAllLines(log).stream().filter(l -> l.contains(text)).count() >= times);
    }

    private static Path which(String command) {
        return Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, command)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException(command + " not found in /usr/bin or /bin"));
    }

    /** The project version Maven built the archive as (build-info.properties, filtered at build time). */
    private static String version() throws IOException {
        try (InputStream in = ReleaseArchiveIT.class.getResourceAsStream("/build-info.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
