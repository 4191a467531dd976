package org.tactgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tactgate.config.DeliverySettings.StartTls;
import org.tactgate.config.HostPort;
import org.tactgate.store.DeliveryOutcome.RecipientResult;
import org.tactgate.message.MessageId;
import org.tactgate.store.RecipientStatus.State;

/** One {@link SmtpUpstream} against a real SubEthaSMTP server: how replies become recipient results. */
class SmtpUpstreamIT {
    private final RecordingSmtpServer sink = RecordingSmtpServer.onAnyPort();

    @AfterEach
    void tearDown() {
        sink.close();
    }

    @Test
    void permanentRefusalAfterDataShouldFailEveryAcceptedRecipient() {
        sink.refuseData(554, "5.6.0 content rejected");
        sink.refuse("busy@y.example", 450, "4.2.1 try later");
        try (SmtpUpstream upstream = new SmtpUpstream(options(StartTls.NEVER))) {
            AttemptResult result = upstream.attempt(attempt("a@x.example", "b@y.example", "busy@y.example"));
            assertThat(result.results()).extracting(RecipientResult::state).containsExactly(State.FAILED, State.PENDING);
            assertThat(result.results().get(0).reply()).isEqualTo("554 5.6.0 content rejected");
            assertThat(result.error()).hasValue("554 5.6.0 content rejected");
        }
    }

    @Test
    void noAcceptedRecipientShouldMeanNoData() {
        sink.refuse("b@y.example", 550, "5.1.1 unknown");
        try (SmtpUpstream upstream = new SmtpUpstream(options(StartTls.NEVER))) {
            AttemptResult result = upstream.attempt(attempt("a@x.example", "b@y.example"));
            assertThat(result.results()).extracting(RecipientResult::state).containsExactly(State.FAILED);
            // The connection is still usable after the refused transaction.
            sink.refuse("b@y.example", 250, "unused");
            assertThat(upstream.attempt(attempt("a@x.example", "c@y.example")).results())
                    .extracting(RecipientResult::state).containsExactly(State.DELIVERED);
        }
        assertThat(sink.received()).singleElement().satisfies(r -> assertThat(r.recipients()).containsExactly("c@y.example"));
        assertThat(sink.sessionCount()).isEqualTo(1);
    }

    @Test
    void requiredStartTlsShouldLeaveRecipientsPendingWhenUpstreamOffersNone() {
        try (SmtpUpstream upstream = new SmtpUpstream(options(StartTls.REQUIRED))) {
            AttemptResult result = upstream.attempt(attempt("a@x.example", "b@y.example"));
            assertThat(result.results()).extracting(RecipientResult::state).containsExactly(State.PENDING);
            assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).containsIgnoringCase("STARTTLS"));
        }
        assertThat(sink.received()).isEmpty();
    }

    @Test
    void passwordShouldNeverBeConfiguredToCrossTheNetworkInClear() {
        assertThatThrownBy(() -> new SmtpUpstream.Options(new HostPort("192.0.2.1", 25), "relay.test", StartTls.NEVER,
                Optional.of("user"), Optional.of("secret"), Optional.empty(), Duration.ofSeconds(5), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in clear");
    }

    @Test
    void addressThatCouldInjectACommandShouldFailWithoutBeingSent() {
        try (SmtpUpstream upstream = new SmtpUpstream(options(StartTls.NEVER))) {
            AttemptResult result = upstream.attempt(attempt("a@x.example", "b@y.example>\r\nRCPT TO:<evil@z.example", "c@y.example"));
            assertThat(result.results()).extracting(RecipientResult::state).containsExactly(State.FAILED, State.DELIVERED);
        }
        assertThat(sink.received()).singleElement().satisfies(r -> assertThat(r.recipients()).containsExactly("c@y.example"));
    }

    private SmtpUpstream.Options options(StartTls startTls) {
        return new SmtpUpstream.Options(new HostPort("127.0.0.1", sink.port()), "relay.test", startTls,
                Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5), Clock.systemUTC());
    }

    private static Attempt attempt(String sender, String... recipients) {
        return new Attempt(MessageId.next(), sender, List.of(recipients),
                TestMessages.simpleMessage("upstream").getBytes(StandardCharsets.UTF_8));
    }
}
