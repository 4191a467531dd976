package org.tactgate.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.tactgate.message.Finding;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.StoredMessage;

/**
 * The messages waiting for a person (QUARANTINED, HELD) that match a {@link QueueFilter}, newest
 * first, at most {@link #MAX_PER_STATE} of each state read from the store.
 */
final class ReviewQueue {
    static final int MAX_PER_STATE = 1000;

    private final MessageStore store;
    private final Clock clock;

    ReviewQueue(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    List<QueueItem> find(QueueFilter filter, int limit) {
        Instant now = clock.instant();
        List<QueueItem> out = new ArrayList<>();
        for (MessageState state : filter.states()) {
            for (StoredMessage m : store.list(state, MAX_PER_STATE)) {
                MailSummary summary = MailSummary.of(store.content(m.id()));
                if (filter.matches(m, summary.subject(), now)) {
                    out.add(item(m, summary, now));
                }
            }
        }
        out.sort(Comparator.comparing((QueueItem i) -> i.message().envelope().receivedAt()).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** Every detector named by a message waiting for review, for the filter's choices. */
    List<String> detectors() {
        TreeSet<String> names = new TreeSet<>();
        for (MessageState state : QueueFilter.REVIEWABLE) {
            store.list(state, MAX_PER_STATE).forEach(m -> QueueFilter.findings(m).forEach(f -> names.add(f.detector())));
        }
        return List.copyOf(names);
    }

    private static QueueItem item(StoredMessage m, MailSummary summary, Instant now) {
        List<Finding> findings = QueueFilter.findings(m);
        List<String> detectors = findings.stream().map(Finding::detector).distinct().toList();
        String evidence = findings.stream().max(Comparator.comparingDouble(Finding::score))
                .map(Finding::evidence).orElse("");
        return new QueueItem(m, summary, ago(Duration.between(m.envelope().receivedAt(), now)), detectors, evidence);
    }

    static String ago(Duration d) {
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h";
        }
        return d.toDays() + " d";
    }
}
