package org.tactgate.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.tactgate.message.Finding;
import org.tactgate.store.MessageState;
import org.tactgate.store.StoredMessage;

/**
 * What a reviewer asked to see in the queue: state, detector, sender, recipient, age and a free
 * search, each optional. Read from query parameters (the console) or the API's, same names.
 *
 * @param age one of {@link #AGES}: {@code new} (under 1 h), {@code today} (under 24 h),
 *            {@code old} (over 24 h), {@code stale} (over 7 days), or empty for any
 */
public record QueueFilter(Optional<MessageState> state, String detector, String sender, String recipient,
                   String age, String query) {
    static final List<String> AGES = List.of("new", "today", "old", "stale");
    /** The states a reviewer works on. */
    static final List<MessageState> REVIEWABLE = List.of(MessageState.QUARANTINED, MessageState.HELD);

    /** Reads parameters by name; anything unknown or malformed is treated as "any". */
    static QueueFilter from(Function<String, String> param) {
        Optional<MessageState> state = Optional.ofNullable(param.apply("state"))
                .flatMap(s -> REVIEWABLE.stream().filter(r -> r.name().equalsIgnoreCase(s)).findFirst());
        String age = clean(param.apply("age"));
        return new QueueFilter(state, clean(param.apply("detector")), clean(param.apply("sender")),
                clean(param.apply("recipient")), AGES.contains(age) ? age : "", clean(param.apply("q")));
    }

    /** The chosen state's name, or empty for both. */
    public String stateName() {
        return state.map(Enum::name).orElse("");
    }

    List<MessageState> states() {
        return state.map(List::of).orElse(REVIEWABLE);
    }

    boolean matches(StoredMessage m, String subject, Instant now) {
        return contains(m.envelope().sender(), sender)
                && (recipient.isEmpty() || m.envelope().recipients().stream().anyMatch(r -> contains(r, recipient)))
                && (detector.isEmpty() || findings(m).stream().anyMatch(f -> f.detector().equalsIgnoreCase(detector)))
                && ageMatches(Duration.between(m.envelope().receivedAt(), now))
                && (query.isEmpty() || searchText(m, subject).contains(query.toLowerCase(Locale.ROOT)));
    }

    private boolean ageMatches(Duration age) {
        return switch (this.age) {
            case "new" -> age.compareTo(Duration.ofHours(1)) < 0;
            case "today" -> age.compareTo(Duration.ofDays(1)) < 0;
            case "old" -> age.compareTo(Duration.ofDays(1)) >= 0;
            case "stale" -> age.compareTo(Duration.ofDays(7)) >= 0;
            default -> true;
        };
    }

    private static String searchText(StoredMessage m, String subject) {
        StringBuilder b = new StringBuilder(m.id().value()).append('\n').append(m.envelope().sender())
                .append('\n').append(subject).append('\n').append(m.decision().rule());
        m.envelope().recipients().forEach(r -> b.append('\n').append(r));
        findings(m).forEach(f -> b.append('\n').append(f.evidence()).append('\n').append(f.reason()));
        return b.toString().toLowerCase(Locale.ROOT);
    }

    static List<Finding> findings(StoredMessage m) {
        return m.decision().inspection().findings();
    }

    private static boolean contains(String value, String part) {
        return part.isEmpty() || value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        return v.length() > 200 ? v.substring(0, 200) : v;
    }
}
