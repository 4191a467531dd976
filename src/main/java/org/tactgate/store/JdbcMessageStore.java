package org.tactgate.store;

import org.tactgate.message.MessageId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tactgate.config.StoreSettings;
import org.tactgate.store.internal.AuditRows;
import org.tactgate.store.internal.Database;
import org.tactgate.store.internal.HoldRows;
import org.tactgate.store.internal.MessageReads;
import org.tactgate.store.internal.MessageWrites;

/**
 * The {@link MessageStore} over JDBC: SQLite embedded ({@code jdbc:sqlite:/path/tactgate.db}) or
 * PostgreSQL shared by several nodes ({@code jdbc:postgresql://…}). The schema is migrated by
 * Flyway when the store opens ({@code db/migration/<dialect>/V*.sql}).
 *
 * <h2>Order of durable writes</h2>
 * <ol>
 * <li>{@code accept}: one transaction inserts the {@code messages} row (envelope, state, decision,
 *     findings), then {@code message_content} (the bytes), then the {@code recipients} rows (all
 *     PENDING). It returns only after that transaction's commit is on disk; the SMTP 250 follows.
 *     On SQLite the commit is a group commit: the writer thread commits every write waiting in
 *     its queue together, one fsync, and only then releases each caller. A failed commit throws
 *     {@link StoreException} (SMTP 451), never a silent success.</li>
 * <li>{@code transition}: one UPDATE of the message row, conditional on the expected state.</li>
 * <li>{@code admit}: as {@code accept}, then the {@code holds} row, then each notice as a QUEUED
 *     message, then the {@code audit} rows: one transaction.</li>
 * <li>{@code resolve}: one transaction that first records the token in {@code used_tokens} (if
 *     any; a token already there ends it), then moves the message by an UPDATE conditional on its
 *     state and its hold's party (no match: the token is given back, nothing else is written),
 *     then the hold's party, the bytes, the dropped recipients, the notices and the audit row.</li>
 * <li>{@code append}: one INSERT into {@code audit}, which triggers keep append-only.</li>
 * <li>{@code claimDue}: one transaction selects due, unleased messages ({@code FOR UPDATE SKIP
 *     LOCKED} on PostgreSQL) and writes each a new lease number and deadline.</li>
 * <li>{@code recordDelivery}: one transaction that first fences on the lease (UPDATE … WHERE lease
 *     matches, which releases it and counts the attempt; no match = stale, nothing written), then
 *     updates the recipients, then the message's state, next attempt and last error, then inserts
 *     the DSN as a new QUEUED message exactly as {@code accept} would.</li>
 * </ol>
 * Every write on SQLite goes through the single writer thread; reads use their own connections
 * (WAL lets them run beside the writer) and never see an uncommitted write.
 *
 * <p>Instants are kept to the microsecond. Thread-safe. Every method throws
 * {@link StoreException} when the database fails.
 *
 * <p>SECURITY: envelope fields and message bytes come from SMTP clients. Every value is bound as
 * a statement parameter, never spliced into SQL; the bytes are stored opaque and never parsed
 * here. The JDBC URL may carry a password, so it is kept out of exceptions and logs.
 */
public final class JdbcMessageStore implements MessageStore, AuditLog {
    private static final Logger log = LoggerFactory.getLogger(JdbcMessageStore.class);

    private final Database db;
    private final MessageReads reads = new MessageReads();
    private final MessageWrites writes;
    private final AuditRows auditRows = new AuditRows();
    private final HoldRows holds;
    private final Clock clock = Clock.systemUTC();

    private JdbcMessageStore(Database db) {
        this.db = db;
        this.writes = new MessageWrites(db.dialect(), reads);
        this.holds = new HoldRows(writes, auditRows);
    }

    /** Opens (creating and migrating as needed) the store named by {@code settings.url()}. */
    public static MessageStore open(StoreSettings settings) {
        JdbcMessageStore store = new JdbcMessageStore(Database.open(settings));
        store.releaseOrphanedLeases();
        return store;
    }

    /**
     * Opens the store for a tool working beside a running relay ({@code tactgate quarantine},
     * {@code audit}): as {@link #open}, but it leaves delivery leases alone, since the relay
     * that holds them is alive.
     */
    public static MessageStore attach(StoreSettings settings) {
        return new JdbcMessageStore(Database.open(settings));
    }

    /**
     * A SQLite store has exactly one process using it, so any delivery lease found at open was
     * left by a process that died mid-attempt: release it now rather than make those messages
     * wait for the lease to run out. (On PostgreSQL other nodes may hold live leases; there a
     * dead node's leases simply expire.)
     */
    private void releaseOrphanedLeases() {
        if (db.dialect() != org.tactgate.store.internal.Dialect.SQLITE) {
            return;
        }
        int released = db.write("", "releaseLeases", writes::releaseAllLeases);
        if (released > 0) {
            log.info("released {} delivery lease(s) left by a process that stopped mid-delivery", released);
        }
    }

    /** For measurements: the same store with writes made as {@code mode} says. */
    static MessageStore open(StoreSettings settings, Database.WriteMode mode) {
        return new JdbcMessageStore(Database.open(settings, mode));
    }

    @Override
    public void accept(NewMessage message) {
        db.write(message.id().value(), "accept", c -> {
            writes.insert(c, message, clock.instant());
            return null;
        });
    }

    @Override
    public Optional<StoredMessage> find(MessageId id) {
        return db.read("find", c -> reads.find(c, id));
    }

    @Override
    public Optional<byte[]> content(MessageId id) {
        return db.read("content", c -> reads.content(c, id));
    }

    @Override
    public List<DeliveryTask> claimDue(Instant now, int max, Duration lease) {
        if (max <= 0) {
            return List.of();
        }
        return db.write("", "claimDue", c -> writes.claim(c, now, max, lease));
    }

    @Override
    public boolean recordDelivery(DeliveryTask task, DeliveryOutcome outcome) {
        String id = task.message().id().value();
        Set<String> known = new HashSet<>(task.message().envelope().recipients());
        for (DeliveryOutcome.RecipientResult r : outcome.results()) {
            if (!known.contains(r.address())) {
                throw new IllegalArgumentException("not a recipient of " + id + ": " + r.address());
            }
        }
        boolean applied = db.write(id, "recordDelivery", c -> writes.record(c, task, outcome, clock.instant()));
        if (!applied) {
            try (MDC.MDCCloseable ignored = MDC.putCloseable("msg", id)) {
                log.info("delivery outcome discarded: lease {} is no longer held", task.lease());
            }
        }
        return applied;
    }

    @Override
    public boolean transition(MessageId id, MessageState from, MessageState to, Optional<String> note) {
        return db.write(id.value(), "transition",
                c -> writes.transition(c, id, from, to, note, clock.instant()));
    }

    @Override
    public boolean retryNow(MessageId id, Instant now, AuditEntry audit) {
        return db.write(id.value(), "retryNow", c -> {
            if (!writes.dueAt(c, id, now, clock.instant())) {
                return false;
            }
            auditRows.append(c, List.of(audit));
            return true;
        });
    }

    @Override
    public boolean dequeue(MessageId id, MessageState to, String note, Optional<NewMessage> bounce, AuditEntry audit,
                           Instant now) {
        return db.write(id.value(), "dequeue", c -> {
            Instant at = clock.instant();
            if (!writes.dequeue(c, id, to, note, now, at)) {
                return false;
            }
            if (bounce.isPresent()) {
                NewMessage b = bounce.get();
                writes.insert(c, new NewMessage(b.id(), b.envelope(), b.content(), b.decision(), MessageState.QUEUED), at);
            }
            auditRows.append(c, List.of(audit));
            return true;
        });
    }

    @Override
    public List<StoredMessage> list(MessageState state, int limit) {
        return db.read("list", c -> reads.list(c, state, limit));
    }

    @Override
    public Map<MessageState, Long> countByState() {
        return db.read("countByState", reads::countByState);
    }

    @Override
    public void admit(Admission admission) {
        db.write(admission.message().id().value(), "admit", c -> {
            holds.admit(c, admission, clock.instant());
            return null;
        });
    }

    @Override
    public Optional<Hold> hold(MessageId id) {
        return db.read("hold", c -> holds.find(c, id));
    }

    @Override
    public List<Hold> dueHolds(Instant now, int max) {
        return db.read("dueHolds", c -> holds.due(c, now, max));
    }

    @Override
    public Resolution.Result resolve(Resolution resolution) {
        return db.write(resolution.id().value(), "resolve", c -> holds.resolve(c, resolution, clock.instant()));
    }

    @Override
    public boolean tokenSpent(String signature) {
        return db.read("tokenSpent", c -> holds.spent(c, signature));
    }

    @Override
    public int purge(Instant before) {
        return db.write("", "purge", c -> holds.purge(c, before));
    }

    @Override
    public AuditLog audit() {
        return this;
    }

    @Override
    public void append(AuditEntry entry) {
        db.write(entry.message().map(MessageId::value).orElse(""), "audit", c -> {
            auditRows.append(c, List.of(entry));
            return null;
        });
    }

    @Override
    public List<AuditEntry> forMessage(MessageId id) {
        return db.read("audit", c -> auditRows.forMessage(c, id));
    }

    @Override
    public List<AuditEntry> list(Optional<Instant> since, Optional<Instant> until, Optional<String> action, int limit) {
        return db.read("audit", c -> auditRows.list(c, since, until, action, limit));
    }

    @Override
    public void close() {
        db.close();
    }
}
