package org.tactgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.StoredMessage;

/**
 * What the listings ({@code quarantine list}, {@code audit list}, {@code user list}) share:
 * {@code --format text} (default; tab- or space-separated lines for a shell) or {@code --format json},
 * one JSON array of objects with fixed field names, written with Jackson once the listing is complete.
 */
final class Listing {
    /** Output formats of a listing. */
    enum Format { text, json }

    static final String FORMAT_HELP = "text (default) or json: one JSON array of objects";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode rows = JSON.createArrayNode();

    /** A new row of the JSON array. */
    ObjectNode row() {
        return rows.addObject();
    }

    /**
     * The oldest {@code limit} messages in {@code state}; when the state holds more, says so on
     * {@code err} (the listing still exits 0). A limit below 1 is an {@link IllegalArgumentException}.
     */
    static List<StoredMessage> oldest(MessageStore store, MessageState state, int limit, PrintWriter err) {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, not " + limit);
        }
        List<StoredMessage> read = store.list(state, limit + 1);
        if (read.size() > limit) {
            long all = store.countByState().getOrDefault(state, (long) read.size());
            err.printf(Locale.ROOT, "tactgate: %s: only the oldest %d of %d messages were read; use --limit to see more%n",
                    state, limit, all);
        }
        return read.subList(0, Math.min(limit, read.size()));
    }

    /** One audit row as the {@code show} commands print it. */
    static String auditLine(AuditEntry a) {
        return a.at() + " " + a.action() + " by " + a.actor() + " from " + a.from()
                + (a.detail().isEmpty() ? "" : ": " + a.detail());
    }

    /** Writes the array on one line, then a line end. */
    void print(PrintWriter out) {
        out.println(rows);
        out.flush();
    }
}
