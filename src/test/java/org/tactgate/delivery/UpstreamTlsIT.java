package org.tactgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.config.DeliverySettings;
import org.tactgate.config.DeliverySettings.StartTls;
import org.tactgate.config.HostPort;
import org.tactgate.config.SmtpSettings;
import org.tactgate.smtp.IntakeServer;
import org.tactgate.smtp.PasswordHash;
import org.tactgate.message.Envelope;
import org.tactgate.store.InMemoryMessageStore;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;
import org.tactgate.store.RecipientStatus;
import org.tactgate.store.RecipientStatus.State;
import org.tactgate.store.StoredMessage;

/**
 * The delivery queue against a real STARTTLS upstream: Tactgate's own {@link IntakeServer}
 * (SubEthaSMTP) on loopback with the committed self-signed localhost certificate, recording what it
 * accepts. Its {@code smtp.tls.required} refuses MAIL before STARTTLS and it offers AUTH only after
 * STARTTLS, so whatever it accepts arrived over TLS.
 */
class UpstreamTlsIT {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Path CERTIFICATE = resource("tls/localhost-rsa.crt");
    private static final Path OTHER_CERTIFICATE = resource("tls/localhost-ec.crt");

    /** One message as the upstream accepted it. */
    private record Accepted(Envelope envelope, byte[] content) {
    }

    @TempDir
    Path dir;
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private IntakeServer upstream;
    private DeliveryQueue queue;

    @AfterEach
    void tearDown() {
        if (queue != null) {
            queue.stop(Duration.ofSeconds(5));
        }
        if (upstream != null) {
            upstream.stop(Duration.ZERO);
        }
    }

    @Test
    void opportunisticStartTlsShouldUpgradeTheSessionAndSendTheStoredBytesUnchanged() {
        int port = startUpstream(true, Optional.empty());
        byte[] stored = (TestMessages.simpleMessage("over tls") + "caf\u00e9 8-bit line\r\n")
                .getBytes(StandardCharsets.UTF_8);
        NewMessage m = TestMessages.queued("alice@northwind.example", List.of("bob@customer.example"), stored,
                java.time.Instant.now());
        store.accept(m);
        startQueue(deliverySettings(port, StartTls.OPPORTUNISTIC, Optional.empty(), Optional.empty()));

        awaitState(m, MessageState.DELIVERED);
        Accepted got = accepted.get(0);
        assertThat(got.envelope().sender()).isEqualTo("alice@northwind.example");
        assertThat(got.envelope().recipients()).containsExactly("bob@customer.example");
        assertThat(new String(got.content(), StandardCharsets.UTF_8)).startsWith("Received: from client.example");
        assertThat(TestMessages.withoutFirstHeader(got.content())).isEqualTo(stored);
    }

    @Test
    void tlsOnlyUpstreamShouldRefuseTheSameMessageSentInClear() {
        // The control for the test above: this upstream really does tell a clear session from a TLS one.
        int port = startUpstream(true, Optional.empty());
        NewMessage m = storeFromAliceToBob("in clear");
        startQueue(deliverySettings(port, StartTls.NEVER, Optional.empty(), Optional.empty()));

        awaitState(m, MessageState.FAILED);
        assertThat(find(m).recipients()).singleElement().satisfies(r ->
                assertThat(r.lastReply()).hasValueSatisfying(reply -> assertThat(reply).startsWith("530")));
        assertThat(accepted).isEmpty();
    }

    @Test
    void requiredStartTlsWithAnUntrustedCertificateShouldDeferAndNeverSendInClear() {
        // This upstream would take the message in clear: only the client's refusal keeps it back.
        int port = startUpstream(false, Optional.empty());
        NewMessage m = storeFromAliceToBob("untrusted");
        startQueue(deliverySettings(port, StartTls.REQUIRED, Optional.empty(), Optional.empty()));

        StoredMessage deferred = awaitState(m, MessageState.DEFERRED);
        assertThat(deferred.recipients()).extracting(RecipientStatus::state).containsExactly(State.PENDING);
        assertThat(deferred.lastError()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("4.4.2").contains("Could not convert socket to TLS", "unable to find valid certification path"));
        assertThat(accepted).isEmpty();
    }

    @Test
    void requiredStartTlsShouldDeliverWhenTheTrustFileHoldsTheUpstreamCertificate() {
        int port = startUpstream(true, Optional.empty());
        NewMessage m = storeFromAliceToBob("trusted");
        startQueue(deliverySettings(port, StartTls.REQUIRED, Optional.of(CERTIFICATE), Optional.empty()));

        awaitState(m, MessageState.DELIVERED);
        assertThat(accepted).singleElement().satisfies(a ->
                assertThat(a.envelope().recipients()).containsExactly("bob@customer.example"));
    }

    @Test
    void requiredStartTlsShouldDeferWhenTheTrustFileHoldsAnotherCertificate() {
        int port = startUpstream(false, Optional.empty());
        NewMessage m = storeFromAliceToBob("trusting someone else");
        startQueue(deliverySettings(port, StartTls.REQUIRED, Optional.of(OTHER_CERTIFICATE), Optional.empty()));

        StoredMessage deferred = awaitState(m, MessageState.DEFERRED);
        assertThat(deferred.lastError()).hasValueSatisfying(e -> assertThat(e)
                .contains("Could not convert socket to TLS", "does not chain with any of the trust anchors"));
        assertThat(accepted).isEmpty();
    }

    @Test
    void authPlainOverTlsShouldRelayAsTheConfiguredUser() throws IOException {
        int port = startUpstream(true, Optional.of(usersFile("relay-user", "s3cret")));
        NewMessage m = storeFromAliceToBob("authenticated");
        startQueue(deliverySettings(port, StartTls.REQUIRED, Optional.of(CERTIFICATE),
                Optional.of(new Credentials("relay-user", "s3cret"))));

        awaitState(m, MessageState.DELIVERED);
        assertThat(accepted).singleElement().satisfies(a ->
                assertThat(a.envelope().authUser()).contains("relay-user"));
    }

    @Test
    void wrongPasswordShouldLeaveTheMessagePendingWithThe535() throws IOException {
        int port = startUpstream(true, Optional.of(usersFile("relay-user", "s3cret")));
        NewMessage m = storeFromAliceToBob("wrong password");
        startQueue(deliverySettings(port, StartTls.REQUIRED, Optional.of(CERTIFICATE),
                Optional.of(new Credentials("relay-user", "guessed"))));

        StoredMessage deferred = awaitState(m, MessageState.DEFERRED);
        assertThat(deferred.recipients()).extracting(RecipientStatus::state).containsExactly(State.PENDING);
        assertThat(deferred.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("4.4.2").contains("535"));
        assertThat(accepted).isEmpty();
    }

    private record Credentials(String username, String password) {
    }

    /**
     * An upstream with STARTTLS from the committed certificate; with users it requires AUTH of
     * every client (loopback included), otherwise loopback may relay without it.
     */
    private int startUpstream(boolean tlsRequired, Optional<Path> users) {
        List<String> relayWithoutAuth = users.isPresent() ? List.of() : List.of("127.0.0.0/8");
        SmtpSettings settings = new SmtpSettings(new HostPort("127.0.0.1", 0), "upstream.test", relayWithoutAuth,
                1024 * 1024, 100, 20, Duration.ofMinutes(1), Optional.of(CERTIFICATE),
                Optional.of(resource("tls/localhost-rsa.key")), tlsRequired, users, users.isPresent(), false);
        upstream = new IntakeServer(settings, (envelope, content) -> {
            accepted.add(new Accepted(envelope, content));
            return MessageId.next();
        });
        upstream.start();
        return upstream.port();
    }

    private Path usersFile(String user, String password) throws IOException {
        return Files.writeString(dir.resolve("users"), user + ":" + PasswordHash.hash(password.toCharArray(), 1000) + "\n");
    }

    /** One worker, and a first retry far enough away that a deferred message stays deferred. */
    private static DeliverySettings deliverySettings(int port, StartTls startTls, Optional<Path> trustFile,
                                                     Optional<Credentials> login) {
        return new DeliverySettings(Optional.of(new HostPort("127.0.0.1", port)), startTls,
                login.map(Credentials::username), login.map(Credentials::password), trustFile, Path.of("unused-outbox"),
                1, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofDays(1),
                Duration.ofMillis(200));
    }

    private void startQueue(DeliverySettings settings) {
        queue = new DeliveryQueue(store, settings, TestMessages.HOSTNAME, Upstream.factory(settings, TestMessages.HOSTNAME),
                Clock.systemUTC());
        queue.start();
    }

    private NewMessage storeFromAliceToBob(String subject) {
        NewMessage m = TestMessages.queued("alice@northwind.example", List.of("bob@customer.example"),
                TestMessages.simpleMessage(subject));
        store.accept(m);
        return m;
    }

    private StoredMessage awaitState(NewMessage m, MessageState state) {
        await().atMost(PATIENCE).until(() -> find(m).state() == state);
        return find(m);
    }

    private StoredMessage find(NewMessage m) {
        return store.find(m.id()).orElseThrow();
    }

    private static Path resource(String name) {
        try {
            return Path.of(UpstreamTlsIT.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
