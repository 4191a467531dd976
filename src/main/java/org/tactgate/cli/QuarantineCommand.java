package org.tactgate.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tactgate.config.ConfigException;
import org.tactgate.config.Settings;
import org.tactgate.config.SettingsLoader;
import org.tactgate.config.Units;
import org.tactgate.directory.Directory;
import org.tactgate.message.Finding;
import org.tactgate.notify.HeldMail;
import org.tactgate.hold.ActionResult;
import org.tactgate.hold.Actor;
import org.tactgate.hold.HoldActions;
import org.tactgate.relay.HoldLifecycle;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.Hold;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.StoredMessage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tactgate quarantine list|show|release|bounce|delete}: held and quarantined mail, worked
 * on through the store directly (a running relay delivers what is released at its next poll).
 * Ids come as arguments, or one per line on stdin when there are none. Every action is audited
 * as the operating-system user, from {@code cli}. Exit 0 when every id was acted on, 1 when some
 * action did not apply, 2 on a bad config.
 */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "List, show, release, bounce or delete held and quarantined messages.",
        subcommands = {QuarantineCommand.ListHeld.class, QuarantineCommand.Show.class, QuarantineCommand.Release.class,
                QuarantineCommand.Bounce.class, QuarantineCommand.Delete.class})
final class QuarantineCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List waiting messages, oldest first.")
    static final class ListHeld implements Callable<Integer> {
        @Mixin ConfigOption config;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(names = "--state", split = ",", description = "HELD, QUARANTINED (default both) or any state")
        List<MessageState> states = List.of(MessageState.HELD, MessageState.QUARANTINED);
        @Option(names = "--sender", description = "only from this address or @domain") String sender;
        @Option(names = "--detector", description = "only with a finding of this detector") String detector;
        @Option(names = "--older-than", description = "only received longer ago than this (30m, 2h, 3d)") String olderThan;
        @Option(names = "--limit", defaultValue = "1000", description = "read at most this many messages per state, oldest"
                + " first (default: ${DEFAULT-VALUE}); when there are more, stderr says how many") int limit;
        @Option(names = "--format", defaultValue = "text", description = Listing.FORMAT_HELP
                + " (id, state, received, sender, rule, detectors)") Listing.Format format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return withStore(config, spec, (settings, store) -> {
                Instant cutoff = olderThan == null ? Instant.MAX
                        : Instant.now().minus(Units.parseDuration(olderThan));
                Listing json = new Listing();
                for (MessageState state : states) {
                    for (StoredMessage m : Listing.oldest(store, state, limit, spec.commandLine().getErr())) {
                        if (!matches(m, cutoff)) {
                            continue;
                        }
                        if (format == Listing.Format.json) {
                            ObjectNode row = json.row().put("id", m.id().value()).put("state", m.state().name())
                                    .put("received", m.envelope().receivedAt().toString())
                                    .put("sender", m.envelope().sender()).put("rule", m.decision().rule());
                            detectors(m).forEach(row.putArray("detectors")::add);
                        } else {
                            out.println(String.join("\t", m.id().value(), m.state().name(),
                                    m.envelope().receivedAt().toString(), m.envelope().sender(), m.decision().rule(),
                                    String.join(",", detectors(m))));
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

        private boolean matches(StoredMessage m, Instant cutoff) {
            String from = m.envelope().sender().toLowerCase(Locale.ROOT);
            boolean senderOk = sender == null || (sender.startsWith("@") ? from.endsWith(sender.toLowerCase(Locale.ROOT))
                    : from.equals(sender.toLowerCase(Locale.ROOT)));
            boolean detectorOk = detector == null
                    || m.decision().inspection().findings().stream().anyMatch(f -> f.detector().equals(detector));
            return senderOk && detectorOk && m.envelope().receivedAt().isBefore(cutoff);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show messages, their findings and audit trail.")
    static final class Show implements Callable<Integer> {
        @Mixin ConfigOption config;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(arity = "0..*", paramLabel = "ID", description = "message ids; none = read them from stdin") List<String> ids = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return withStore(config, spec, (settings, store) -> {
                Directory directory = Directory.of(settings.directory());
                int missing = 0;
                for (MessageId id : ids(ids, spec)) {
                    Optional<StoredMessage> m = store.find(id);
                    if (m.isEmpty()) {
                        spec.commandLine().getErr().println(id + ": no such message");
                        missing++;
                        continue;
                    }
                    show(out, store, directory, m.get());
                }
                return missing == 0 ? 0 : 1;
            });
        }

        private static void show(PrintWriter out, MessageStore store, Directory directory, StoredMessage m) {
            byte[] content = store.content(m.id()).orElse(new byte[0]);
            Optional<Hold> hold = store.hold(m.id());
            out.println("id:         " + m.id());
            out.println("state:      " + m.state() + m.lastError().map(e -> "  (" + e + ")").orElse(""));
            out.println("verdict:    " + m.decision().verdict() + " by rule " + m.decision().rule());
            out.println("from:       " + m.envelope().sender());
            out.println("to:         " + m.recipients().stream().map(r -> r.address()).collect(Collectors.joining(", ")));
            out.println("received:   " + m.envelope().receivedAt());
            hold.ifPresent(h -> {
                HeldMail held = HeldMail.of(m, content, h, directory);
                out.println("subject:    " + held.subject());
                out.println("deadline:   " + h.deadline() + " then " + h.atDeadline().name().toLowerCase(Locale.ROOT)
                        + ", waiting for " + h.awaiting().name().toLowerCase(Locale.ROOT));
            });
            out.println("body:       " + (content.length == 0 ? "purged" : content.length + " bytes"));
            for (Finding f : m.decision().inspection().findings()) {
                out.printf(Locale.ROOT, "finding:    %s %.2f [%s] %s%n              \"%s\"%n", f.detector(), f.score(),
                        f.part(), f.reason(), f.evidence());
            }
            for (AuditEntry a : store.audit().forMessage(m.id())) {
                out.println("audit:      " + Listing.auditLine(a));
            }
            out.println();
        }
    }

    /** The shared shape of release, bounce and delete. */
    abstract static class Act implements Callable<Integer> {
        @Mixin ConfigOption config;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(arity = "0..*", paramLabel = "ID", description = "message ids; none = read them from stdin")
        List<String> ids = new ArrayList<>();

        abstract ActionResult act(HoldActions actions, MessageId id, Actor actor);

        @Override
        public Integer call() {
            return withStore(config, spec, (settings, store) -> {
                HoldActions actions = HoldLifecycle.open(settings, store, () -> { }, Clock.systemUTC()).actions();
                Actor actor = new Actor(System.getProperty("user.name", "cli"), "cli", Actor.Role.CLI);
                int notApplied = 0;
                for (MessageId id : ids(ids, spec)) {
                    ActionResult r = act(actions, id, actor);
                    spec.commandLine().getOut().println(id + "\t" + r.state() + "\t" + r.message());
                    notApplied += r.applied() ? 0 : 1;
                }
                return notApplied == 0 ? 0 : 1;
            });
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true, description = "Release messages for delivery.")
    static final class Release extends Act {
        @Option(names = "--reason", description = "why, for the audit trail") String reason;

        @Override
        ActionResult act(HoldActions actions, MessageId id, Actor actor) {
            return actions.release(id, actor, Optional.ofNullable(reason));
        }
    }

    @Command(name = "bounce", mixinStandardHelpOptions = true, description = "Return messages to their senders.")
    static final class Bounce extends Act {
        @Option(names = "--reason", required = true, description = "what the sender is told") String reason;

        @Override
        ActionResult act(HoldActions actions, MessageId id, Actor actor) {
            return actions.bounce(id, actor, reason);
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete messages (metadata and audit stay).")
    static final class Delete extends Act {
        @Option(names = "--reason", required = true, description = "why, for the audit trail") String reason;

        @Override
        ActionResult act(HoldActions actions, MessageId id, Actor actor) {
            return actions.delete(id, actor, reason);
        }
    }

    /** Work on an attached store. */
    @FunctionalInterface
    interface StoreWork {
        int run(Settings settings, MessageStore store) throws IOException;
    }

    static int withStore(ConfigOption config, CommandLine.Model.CommandSpec spec, StoreWork work) {
        Settings settings;
        try {
            settings = config.settings();
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("tactgate: configuration error: " + e.getMessage());
            return 2;
        }
        try (MessageStore store = StoreTool.open(settings)) {
            return work.run(settings, store);
        } catch (IOException e) {
            spec.commandLine().getErr().println("tactgate: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("tactgate: " + e.getMessage());
            return 2;
        }
    }

    static List<MessageId> ids(List<String> args, CommandLine.Model.CommandSpec spec) throws IOException {
        List<String> raw = new ArrayList<>(args);
        if (raw.isEmpty()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String id = line.strip().split("\\s+")[0];
                if (!id.isEmpty()) {
                    raw.add(id);
                }
            }
        }
        return raw.stream().map(MessageId::new).toList();
    }

    private static List<String> detectors(StoredMessage m) {
        return m.decision().inspection().findings().stream().map(Finding::detector).distinct().toList();
    }
}
