package org.tactgate.policy;

import org.tactgate.hold.Actor;
import org.tactgate.hold.HoldDesk;
import org.tactgate.hold.HoldScheduler;
import org.tactgate.message.Decision;
import org.tactgate.message.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tactgate.config.DirectorySettings;
import org.tactgate.directory.Directory;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.notify.LinkSigner;
import org.tactgate.notify.Notices;
import org.tactgate.store.Admission;
import org.tactgate.store.AuditEntry;
import org.tactgate.message.Envelope;
import org.tactgate.store.Hold;
import org.tactgate.store.InMemoryMessageStore;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;
import org.tactgate.store.StoredMessage;

class HoldSchedulerTest {
    private final Instant now = Instant.now();
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final Directory directory = Directory.of(new DirectorySettings(List.of("northwind.example"),
            Optional.empty(), true, List.of()));
    private final LinkSigner signer = new LinkSigner(new byte[32], clock);
    private final Notices notices = new Notices(signer, "http://127.0.0.1:8025", "tactgate@northwind.example", "relay", clock);
    private final HoldDesk desk = new HoldDesk(store, notices, signer, directory, () -> { }, clock);
    private final HoldScheduler scheduler = new HoldScheduler(store, desk, notices, directory,
            List.of("compliance@northwind.example"), new HoldScheduler.Timing(Duration.ofSeconds(1),
            Duration.ofHours(1), Duration.ofDays(30), Optional.of(Duration.ofHours(1))), clock, () -> { });

    private MessageId admit(MessageState state, Instant deadline, Hold.AtDeadline at) {
        MessageId id = MessageId.next();
        Envelope env = new Envelope("ann@northwind.example", List.of("joan@client.example"), "127.0.0.1", "x",
                Optional.empty(), now.minusSeconds(60));
        Decision d = new Decision(state == MessageState.HELD ? Verdict.HOLD : Verdict.QUARANTINE, "r",
                new Inspection(List.of(new Finding("blame", 0.9, "body", "You knew, didn't you?", "accusing"))));
        byte[] content = "Subject: DJ\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII);
        store.admit(new Admission(new NewMessage(id, env, content, d, state), Optional.of(new Hold(id, "r", deadline, at,
                List.of(), Optional.empty(), state == MessageState.HELD ? Hold.Awaiting.SENDER : Hold.Awaiting.REVIEWER)),
                List.of(), List.of()));
        return id;
    }

    private List<String> actions(MessageId id) {
        return store.audit().forMessage(id).stream().map(AuditEntry::action).toList();
    }

    @Test
    void deadlinesShouldApplyTheirDefaultOnceAndLeaveFutureOnesAlone() {
        MessageId release = admit(MessageState.HELD, now.minusSeconds(1), Hold.AtDeadline.RELEASE);
        MessageId bounce = admit(MessageState.QUARANTINED, now.minusSeconds(1), Hold.AtDeadline.BOUNCE);
        MessageId later = admit(MessageState.HELD, now.plusSeconds(60), Hold.AtDeadline.RELEASE);

        assertThat(scheduler.applyDeadlines()).isEqualTo(2);
        assertThat(scheduler.applyDeadlines()).isZero();

        assertThat(store.find(release).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        assertThat(store.find(bounce).orElseThrow().state()).isEqualTo(MessageState.BOUNCED);
        assertThat(store.find(later).orElseThrow().state()).isEqualTo(MessageState.HELD);
        assertThat(actions(release)).containsExactly("deadline-release");
        assertThat(actions(bounce)).containsExactly("deadline-bounce");
    }

    @Test
    void digestShouldListNewQuarantinedMessagesOnce() {
        admit(MessageState.QUARANTINED, now.plusSeconds(600), Hold.AtDeadline.BOUNCE);
        admit(MessageState.QUARANTINED, now.plusSeconds(600), Hold.AtDeadline.BOUNCE);

        assertThat(scheduler.digest()).isTrue();
        List<StoredMessage> sent = store.list(MessageState.QUEUED, 10);
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.envelope().recipients()).containsExactly("compliance@northwind.example");
            assertThat(new String(store.content(m.id()).orElseThrow(), StandardCharsets.UTF_8))
                    .contains("2 message(s)", "Release:", "Return to sender:");
        });
        assertThat(scheduler.digest()).isFalse();
    }

    @Test
    void purgeShouldDropOldFinishedBodiesAndAuditIt() {
        MessageId id = admit(MessageState.QUARANTINED, now.plusSeconds(600), Hold.AtDeadline.BOUNCE);
        desk.delete(id, new Actor("rita", "cli", Actor.Role.CLI), "spam");
        HoldScheduler later = new HoldScheduler(store, desk, notices, directory, List.of(),
                new HoldScheduler.Timing(Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofDays(30), Optional.empty()),
                Clock.offset(clock, Duration.ofDays(31)), () -> { });

        assertThat(later.purge()).isEqualTo(1);
        assertThat(store.content(id)).isEmpty();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DELETED);
        assertThat(store.audit().list(Optional.empty(), Optional.empty(), Optional.of("purge"), 10)).hasSize(1);
    }
}
