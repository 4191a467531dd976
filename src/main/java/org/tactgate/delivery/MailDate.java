package org.tactgate.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as RFC 5322 writes them ({@code Tue, 3 Jun 2025 11:05:30 +0000}), always in UTC. */
final class MailDate {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private MailDate() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
