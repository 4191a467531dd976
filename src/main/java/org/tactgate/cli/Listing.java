package org.tactgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

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

    /** Writes the array on one line, then a line end. */
    void print(PrintWriter out) {
        out.println(rows);
        out.flush();
    }
}
