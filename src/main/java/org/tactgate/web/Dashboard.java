package org.tactgate.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tactgate.message.Finding;
import org.tactgate.message.Verdict;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.AuditLog;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.StoredMessage;

/**
 * The dashboard's numbers for the last {@link #DAYS} days (UTC): per day, messages in and how
 * many the policy held or quarantined (from the stored messages and their decisions) and how
 * many people released or bounced (from the audit trail); the detectors that fired most; the
 * queue's depth and its delivery errors.
 *
 * <p>The store offers lists per state, not counts per day, so each state is read up to
 * {@link #MAX_PER_STATE} messages; past that the daily counts undercount (shown on the page).
 */
final class Dashboard {
    static final int DAYS = 14;
    static final int MAX_PER_STATE = 5000;
    private static final List<String> RELEASES = List.of("release", "confirm", "send-without-customer");
    private static final List<String> BOUNCES = List.of("bounce", "cancel");

    public record Numbers(List<DayCount> days, Map<String, Long> topDetectors, Map<String, Long> byState,
                   long queueDepth, long deliveryErrors, List<MessageDetail> recentErrors, boolean truncated) {
    }

    private final MessageStore store;
    private final AuditLog audit;
    private final Clock clock;

    Dashboard(MessageStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    Numbers compute() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        Map<LocalDate, long[]> perDay = new TreeMap<>();
        for (int i = 0; i < DAYS; i++) {
            perDay.put(first.plusDays(i), new long[5]);
        }
        Map<String, Long> detectors = new LinkedHashMap<>();
        boolean truncated = false;
        for (MessageState state : MessageState.values()) {
            List<StoredMessage> messages = store.list(state, MAX_PER_STATE);
            truncated |= messages.size() >= MAX_PER_STATE;
            for (StoredMessage m : messages) {
                long[] c = perDay.get(LocalDate.ofInstant(m.envelope().receivedAt(), ZoneOffset.UTC));
                if (c == null) {
                    continue;
                }
                c[0]++;
                c[1] += m.decision().verdict() == Verdict.HOLD ? 1 : 0;
                c[2] += m.decision().verdict() == Verdict.QUARANTINE ? 1 : 0;
                m.decision().inspection().findings().stream().map(Finding::detector).distinct()
                        .forEach(d -> detectors.merge(d, 1L, Long::sum));
            }
        }
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        countActions(perDay, since, RELEASES, 3);
        countActions(perDay, since, BOUNCES, 4);
        List<DayCount> days = new ArrayList<>();
        perDay.forEach((d, c) -> days.add(new DayCount(d.toString(), c[0], c[1], c[2], c[3], c[4])));

        Map<MessageState, Long> counts = store.countByState();
        Map<String, Long> byState = new LinkedHashMap<>();
        counts.forEach((s, n) -> byState.put(s.name(), n));
        long depth = counts.getOrDefault(MessageState.QUEUED, 0L) + counts.getOrDefault(MessageState.DEFERRED, 0L);
        long errors = counts.getOrDefault(MessageState.DEFERRED, 0L) + counts.getOrDefault(MessageState.FAILED, 0L);
        List<MessageDetail> recentErrors = store.list(MessageState.DEFERRED, 10).stream()
                .filter(m -> m.lastError().isPresent()).map(MessageDetail::of).toList();
        return new Numbers(days, top(detectors, 8), byState, depth, errors, recentErrors, truncated);
    }

    private void countActions(Map<LocalDate, long[]> perDay, Instant since, List<String> actions, int column) {
        for (String action : actions) {
            for (AuditEntry e : audit.list(Optional.of(since), Optional.empty(),
                    Optional.of(action), AuditQuery.MAX_LIMIT)) {
                long[] c = perDay.get(LocalDate.ofInstant(e.at(), ZoneOffset.UTC));
                if (c != null) {
                    c[column]++;
                }
            }
        }
    }

    static Map<String, Long> top(Map<String, Long> counts, int n) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
