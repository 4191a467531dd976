package org.tactgate.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.AuditLog;
import org.tactgate.message.MessageId;

/** An {@link AuditLog} in memory, for tests: same ordering and filtering as the contract says. */
final class RecordingAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> forMessage(MessageId id) {
        return entries.stream().filter(e -> e.message().equals(Optional.of(id)))
                .sorted(Comparator.comparing(AuditEntry::at)).toList();
    }

    @Override
    public synchronized List<AuditEntry> list(Optional<Instant> since, Optional<Instant> until, Optional<String> action,
                                              int limit) {
        return entries.stream()
                .filter(e -> since.map(s -> !e.at().isBefore(s)).orElse(true))
                .filter(e -> until.map(u -> e.at().isBefore(u)).orElse(true))
                .filter(e -> action.map(a -> a.equals(e.action())).orElse(true))
                .sorted(Comparator.comparing(AuditEntry::at)).limit(limit).toList();
    }

    synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }
}
