package org.tactgate.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tactgate.delivery.DeliveryStatusNotification;
import org.tactgate.message.MessageId;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.DeliveryOutcome.RecipientResult;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.NewMessage;
import org.tactgate.store.RecipientStatus;
import org.tactgate.store.StoredMessage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tactgate queue list|show|retry|delete}: mail waiting in the delivery queue (QUEUED or
 * DEFERRED), worked on through the store directly, like Postfix's {@code postqueue -p}/{@code -f}
 * and {@code postsuper -d}. A retried message is due at once, so a running relay's workers take it
 * at their next poll; a deleted one is BOUNCED with a DSN to its sender (DELETED when its sender is
 * null), never dropped. Every change is audited as the operating-system user, from {@code cli}.
 * Exit 0 when every id was acted on, 1 when some was not, 2 on a bad config or an unknown id.
 */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "List, show, retry or delete messages waiting in the delivery queue.",
        subcommands = {QueueCommand.ListQueue.class, QueueCommand.Show.class, QueueCommand.Retry.class,
                QueueCommand.Delete.class})
final class QueueCommand implements Runnable {
    /** The queue's states, in the order they are listed. */
    private static final List<MessageState> QUEUE = List.of(MessageState.QUEUED, MessageState.DEFERRED);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List queued and deferred messages, oldest first.")
    static final class ListQueue implements Callable<Integer> {
        @Mixin ConfigOption config;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--limit", defaultValue = "1000", description = "read at most this many messages per state"
                + " (QUEUED, DEFERRED), oldest first (default: ${DEFAULT-VALUE}); when there are more, stderr says"
                + " how many") int limit;
        @Option(names = "--format", defaultValue = "text", description = Listing.FORMAT_HELP
                + " (id, state, sender, recipients, attempts, nextAttempt, lastError)") Listing.Format format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return QuarantineCommand.withStore(config, spec, (settings, store) -> {
                Listing json = new Listing();
                for (MessageState state : QUEUE) {
                    for (StoredMessage m : Listing.oldest(store, state, limit, spec.commandLine().getErr())) {
                        if (format == Listing.Format.json) {
                            var row = json.row().put("id", m.id().value()).put("state", m.state().name())
                                    .put("sender", m.envelope().sender());
                            pending(m).forEach(row.putArray("recipients")::add);
                            row.put("attempts", m.attempts()).put("nextAttempt", m.nextAttemptAt().toString())
                                    .put("lastError", m.lastError().orElse(null));
                        } else {
                            out.println(String.join("\t", m.id().value(), m.state().name(), m.envelope().sender(),
                                    String.join(",", pending(m)), Integer.toString(m.attempts()),
                                    m.nextAttemptAt().toString(), m.lastError().orElse("")));
                        }
                    }
                }
                if (format == Listing.Format.json) {
                    json.print(out);
                }
                out.flush();
                spec.commandLine().getErr().flush();
                return 0;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a queued message, its recipients and audit trail.")
    static final class Show implements Callable<Integer> {
        @Mixin ConfigOption config;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "the message id") String id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return QuarantineCommand.withStore(config, spec, (settings, store) -> {
                StoredMessage m = inQueue(store, id);
                out.println("id:           " + m.id());
                out.println("state:        " + m.state());
                out.println("from:         " + m.envelope().sender());
                for (RecipientStatus r : m.recipients()) {
                    out.println("to:           " + r.address() + " " + r.state() + r.lastReply().map(x -> ": " + x).orElse(""));
                }
                out.println("received:     " + m.envelope().receivedAt());
                out.println("size:         " + m.size() + " bytes");
                out.println("attempts:     " + m.attempts());
                out.println("next attempt: " + m.nextAttemptAt());
                out.println("last error:   " + m.lastError().orElse(""));
                for (AuditEntry a : store.audit().forMessage(m.id())) {
                    out.println("audit:        " + Listing.auditLine(a));
                }
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Make messages due now, so the relay's delivery workers attempt them at their next poll.")
    static final class Retry implements Callable<Integer> {
        @Mixin ConfigOption config;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--all", description = "every queued and deferred message") boolean all;
        @Parameters(arity = "0..*", paramLabel = "ID", description = "message ids (or --all)") List<String> ids = new ArrayList<>();

        @Override
        public Integer call() {
            return QuarantineCommand.withStore(config, spec, (settings, store) -> {
                if (all == !ids.isEmpty()) {
                    throw new IllegalArgumentException("give message ids or --all (one of the two)");
                }
                List<MessageId> targets = new ArrayList<>();
                if (all) {
                    for (MessageState state : QUEUE) {
                        store.list(state, Integer.MAX_VALUE).forEach(m -> targets.add(m.id()));
                    }
                } else {
                    for (String raw : ids) {
                        targets.add(inQueue(store, raw).id());
                    }
                }
                int notApplied = 0;
                for (MessageId target : targets) {
                    Instant now = Instant.now();
                    boolean applied = store.retryNow(target, now, audit(target, "queue-retry", ""));
                    spec.commandLine().getOut().println(target + "\t" + (applied ? "due now" : "no longer in the queue"));
                    notApplied += applied ? 0 : 1;
                }
                spec.commandLine().getOut().flush();
                return notApplied == 0 ? 0 : 1;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Take messages out of the queue and return them to their senders with a DSN.")
    static final class Delete implements Callable<Integer> {
        @Mixin ConfigOption config;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--reason", required = true, description = "why: for the audit trail and the sender's DSN") String reason;
        @Parameters(arity = "1..*", paramLabel = "ID", description = "message ids") List<String> ids = new ArrayList<>();

        @Override
        public Integer call() {
            return QuarantineCommand.withStore(config, spec, (settings, store) -> {
                List<StoredMessage> targets = new ArrayList<>();
                for (String raw : ids) {
                    targets.add(inQueue(store, raw));
                }
                DeliveryStatusNotification dsns = new DeliveryStatusNotification(settings.smtp().hostname(),
                        Clock.systemUTC());
                String reply = "550 5.7.1 removed from the delivery queue by the postmaster: " + reason;
                int notApplied = 0;
                for (StoredMessage m : targets) {
                    List<RecipientResult> failed = pending(m).stream()
                            .map(a -> new RecipientResult(a, RecipientStatus.State.FAILED, reply)).toList();
                    Optional<NewMessage> dsn = dsns.build(m, store.content(m.id()).orElse(new byte[0]), failed);
                    MessageState to = dsn.isPresent() ? MessageState.BOUNCED : MessageState.DELETED;
                    String detail = reason + dsn.map(d -> " (dsn " + d.id() + ")").orElse(" (no dsn: null sender)");
                    boolean applied = store.dequeue(m.id(), to, "deleted from the queue: " + reason, dsn,
                            audit(m.id(), "queue-delete", detail), Instant.now());
                    spec.commandLine().getOut().println(m.id() + "\t" + (applied ? to + "\t"
                            + dsn.map(d -> "returned to " + m.envelope().sender() + " with DSN " + d.id())
                                    .orElse("deleted; null sender, so no DSN")
                            : m.state() + "\tnot deleted: no longer in the queue, or being delivered right now"));
                    notApplied += applied ? 0 : 1;
                }
                spec.commandLine().getOut().flush();
                return notApplied == 0 ? 0 : 1;
            });
        }
    }

    /** The message if it is in the delivery queue; otherwise an {@link IllegalArgumentException} (one line, exit 2). */
    private static StoredMessage inQueue(MessageStore store, String raw) {
        MessageId id = new MessageId(raw);
        StoredMessage m = store.find(id).orElseThrow(() -> new IllegalArgumentException(raw + ": no such message"));
        if (!m.state().isDeliverable()) {
            throw new IllegalArgumentException(raw + ": not in the delivery queue (it is " + m.state() + ")");
        }
        return m;
    }

    /** The recipients still waiting for delivery. */
    private static List<String> pending(StoredMessage m) {
        return m.recipients().stream().filter(r -> r.state() == RecipientStatus.State.PENDING)
                .map(RecipientStatus::address).collect(Collectors.toList());
    }

    private static AuditEntry audit(MessageId id, String action, String detail) {
        return new AuditEntry(Instant.now(), Optional.of(id), System.getProperty("user.name", "cli"), "cli", action, detail);
    }
}
