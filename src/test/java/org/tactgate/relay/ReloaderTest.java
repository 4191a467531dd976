package org.tactgate.relay;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.tactgate.config.ConfigException;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.message.Decision;
import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;
import org.tactgate.message.Verdict;
import org.tactgate.policy.Policy;
import org.tactgate.store.InMemoryMessageStore;
import org.tactgate.store.MessageState;
import org.tactgate.web.RelayMetrics;

/** A reload swaps the judging pair and the STARTTLS identity, or, for a broken file, nothing at all. */
class ReloaderTest {
    private static final Policy HOLD_ALL = (envelope, inspection) -> new Decision(Verdict.HOLD, "hold-all", inspection);

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MessagePipeline pipeline = new MessagePipeline(MessageInspector.PASS_THROUGH, Policy.PASS_ALL, store, () -> { });
    private final List<SSLContext> identities = new ArrayList<>();
    private final Reloader reloader = new Reloader(pipeline, identities::add, new RelayMetrics(registry, store));
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Reloader.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private MessageState judged() throws Exception {
        Envelope envelope = new Envelope("ann@northwind.example", List.of("bob@client.example"), "127.0.0.1",
                "client.example", Optional.empty(), Instant.now());
        MessageId id = pipeline.receive(envelope, "Subject: hi\r\n\r\nHello\r\n".getBytes(StandardCharsets.US_ASCII));
        return store.find(id).orElseThrow().state();
    }

    private double reloads(String result) {
        return reloads(registry, result);
    }

    private static double reloads(SimpleMeterRegistry registry, String result) {
        return registry.get("tactgate.reloads").tag("result", result).counter().count();
    }

    @Test
    void aReloadShouldJudgeTheNextMessageWithTheNewPolicyAndUseTheNewCertificate() throws Exception {
        SSLContext identity = SSLContext.getInstance("TLS");

        assertThat(reloader.reload(() -> new WorkingSet(MessageInspector.PASS_THROUGH, HOLD_ALL, Optional.of(identity))))
                .isTrue();

        assertThat(judged()).isEqualTo(MessageState.HELD);
        assertThat(identities).containsExactly(identity);
        assertThat(reloads("applied")).isEqualTo(1.0);
        assertThat(reloads("refused")).isZero();
    }

    @Test
    void aReloadWithABrokenFileShouldKeepThePreviousSetAndLogOneLineNamingKeyAndFile() throws Exception {
        ConfigException broken = new ConfigException(Path.of("/etc/tactgate/tactgate.properties"), "policy.file", java.util.OptionalInt.of(12),
                "/etc/tactgate/policy.rules:7: expected 'key = value' inside a [section]");

        assertThat(reloader.reload(() -> { throw broken; })).isFalse();

        assertThat(judged()).as("the previous policy still judges").isEqualTo(MessageState.QUEUED);
        assertThat(identities).isEmpty();
        List<ILoggingEvent> errors = logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).contains("reload refused").contains("policy.file")
                    .contains("/etc/tactgate/policy.rules:7").doesNotContain("\n");
            assertThat(e.getThrowableProxy()).as("no stack trace").isNull();
        });
        assertThat(reloads("refused")).isEqualTo(1.0);
        assertThat(reloads("applied")).isZero();
    }

    @Test
    void aCertificateTheIntakeRefusesShouldKeepThePreviousPolicyToo() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Reloader noTls = new Reloader(pipeline, context -> {
            throw new IllegalStateException("STARTTLS is not enabled");
        }, new RelayMetrics(meters, store));
        SSLContext identity = SSLContext.getInstance("TLS");

        assertThat(noTls.reload(() -> new WorkingSet(MessageInspector.PASS_THROUGH, HOLD_ALL, Optional.of(identity))))
                .isFalse();

        assertThat(judged()).isEqualTo(MessageState.QUEUED);
        assertThat(reloads(meters, "refused")).isEqualTo(1.0);
    }
}
