package org.tactgate.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.tactgate.store.AuditLog;

/**
 * An audit search as the console and the API take it: the last {@code days} days (1-366,
 * default 7), optionally one {@code action}, at most {@code limit} rows (1-10000, default 1000).
 */
public record AuditQuery(int days, String action, int limit) {
    static final int MAX_LIMIT = 10_000;

    static AuditQuery from(Function<String, String> param) {
        String action = Optional.ofNullable(param.apply("action")).orElse("").strip();
        return new AuditQuery(number(param.apply("days"), 7, 1, 366),
                action.matches("[a-z-]{0,40}") ? action : "", number(param.apply("limit"), 1000, 1, MAX_LIMIT));
    }

    List<AuditRow> run(AuditLog audit, Clock clock) {
        Instant now = clock.instant();
        return audit.list(Optional.of(now.minus(Duration.ofDays(days))), Optional.empty(),
                action.isEmpty() ? Optional.empty() : Optional.of(action), limit).stream().map(AuditRow::of).toList();
    }

    static int number(String text, int fallback, int min, int max) {
        try {
            return text == null ? fallback : Math.max(min, Math.min(max, Integer.parseInt(text.strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
