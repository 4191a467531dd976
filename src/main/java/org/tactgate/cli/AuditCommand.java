package org.tactgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tactgate.store.AuditEntry;
import org.tactgate.message.MessageId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tactgate audit list|export}: the append-only audit trail from the store, oldest first,
 * as text, CSV (RFC 4180 quoting) or JSON lines. Filters: time window, action, message.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "List or export the audit trail.",
        subcommands = {AuditCommand.ListRows.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Output formats. */
    enum Format { text, csv, jsonl, json }

    /** The filters both subcommands share. */
    static final class Filters {
        @Option(names = "--since", description = "ISO instant, e.g. 2026-01-31T00:00:00Z") Instant since;
        @Option(names = "--until", description = "ISO instant (exclusive)") Instant until;
        @Option(names = "--action", description = "verdict, notice, confirm, cancel, release, bounce, delete…") String action;
        @Option(names = "--message", description = "only rows about this message id") String message;
        @Option(names = "--limit", defaultValue = "100000", description = "at most this many rows (default: ${DEFAULT-VALUE})") int limit;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print audit rows as text or JSON.")
    static final class ListRows implements Callable<Integer> {
        @Mixin ConfigOption config;
        @CommandLine.ArgGroup(exclusive = false) Filters filters = new Filters();
        @Option(names = "--format", defaultValue = "text", description = Listing.FORMAT_HELP
                + " (at, message, actor, from, action, detail)") Listing.Format format;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return print(config, filters, format == Listing.Format.json ? Format.json : Format.text, spec);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export audit rows as CSV or JSON lines.")
    static final class Export implements Callable<Integer> {
        @Mixin ConfigOption config;
        @CommandLine.ArgGroup(exclusive = false) Filters filters = new Filters();
        @Option(names = "--format", required = true, description = "csv, jsonl or json (one array)") Format format;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return print(config, filters, format, spec);
        }
    }

    private static int print(ConfigOption config, Filters f, Format format, CommandLine.Model.CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        Listing array = new Listing();
        return QuarantineCommand.withStore(config, spec, (settings, store) -> {
            List<AuditEntry> rows = f.message != null
                    ? store.audit().forMessage(new MessageId(f.message)).stream()
                            .filter(e -> f.action == null || e.action().equals(f.action)).limit(f.limit).toList()
                    : store.audit().list(Optional.ofNullable(f.since), Optional.ofNullable(f.until),
                            Optional.ofNullable(f.action), f.limit);
            if (format == Format.csv) {
                out.println("at,message,actor,from,action,detail");
            }
            for (AuditEntry e : rows) {
                String message = e.message().map(MessageId::value).orElse("");
                switch (format) {
                    case text -> out.println(e.at() + "  " + (message.isEmpty() ? "-" : message) + "  " + e.action()
                            + "  by " + e.actor() + " from " + e.from() + (e.detail().isEmpty() ? "" : ": " + e.detail()));
                    case csv -> out.println(String.join(",", csv(e.at().toString()), csv(message), csv(e.actor()),
                            csv(e.from()), csv(e.action()), csv(e.detail())));
                    case jsonl -> out.println(fields(json.createObjectNode(), e, message));
                    case json -> fields(array.row(), e, message);
                }
            }
            if (format == Format.json) {
                array.print(out);
            }
            out.flush();
            return 0;
        });
    }

    /** An audit row's fields, the same in JSON lines and the JSON array. */
    private static ObjectNode fields(ObjectNode o, AuditEntry e, String message) {
        o.put("at", e.at().toString());
        o.put("message", message.isEmpty() ? null : message);
        return o.put("actor", e.actor()).put("from", e.from()).put("action", e.action()).put("detail", e.detail());
    }

    /**
     * A CSV field, quoted when needed (RFC 4180); a leading {@code = + - @} is prefixed with a
     * quote mark so a spreadsheet does not run it as a formula (details are free text people typed).
     */
    static String csv(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
