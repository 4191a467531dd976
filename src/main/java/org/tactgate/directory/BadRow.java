package org.tactgate.directory;

/**
 * A row of {@code customers.file} that was skipped.
 *
 * @param line   the line the row starts on (1 for the header)
 * @param reason what is wrong with it, for an admin: "no name", "malformed domain 'acme'"
 */
public record BadRow(long line, String reason) {
}
