package org.tactgate.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.config.DirectorySettings;

/**
 * Who is who: classifies addresses as internal, customer (which one), partner or external, and
 * lists the ways text can name each listed customer. The customers file is re-read when its
 * modification time changes (checked at most once a second); each bad row is logged with its
 * line and skipped; a file that fails to read, or has rows but no valid one, keeps the previous list (a
 * half-written CRM export must not leave the relay without customers). Thread-safe: readers see
 * one immutable snapshot at a time.
 *
 * <p>{@link #of} itself refuses nothing, so that {@code check} runs on any file; {@code serve}
 * refuses an unusable file first ({@link CustomersCheck}).
 */
public final class Directory {
    private static final Logger log = LoggerFactory.getLogger(Directory.class);
    private static final long RECHECK_MILLIS = 1000;

    private final DirectorySettings settings;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    private Directory(DirectorySettings settings) {
        this.settings = settings;
        this.snapshot = load(settings, Optional.empty());
    }

    public static Directory of(DirectorySettings settings) {
        return new Directory(settings);
    }

    /** Immutable view of the customers file at one moment. */
    private record Snapshot(Optional<FileTime> modified, List<Customer> customers,
                            Map<String, Customer> byEmail, Map<String, Customer> byDomain, List<Reference> references) {

        /** The same list, as of a newer file: a file that failed to load is not re-read (and re-logged) every second. */
        Snapshot kept(Optional<FileTime> newer) {
            return new Snapshot(newer, customers, byEmail, byDomain, references);
        }
    }

    public Party classify(String address) {
        String email = address.strip().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        String domain = at < 0 ? "" : email.substring(at + 1);
        if (matchesDomain(domain, settings.internalDomains())) {
            return Party.INTERNAL;
        }
        Snapshot s = current();
        Customer listed = s.byEmail.get(email);
        if (listed == null) {
            listed = customerByDomain(s, domain);
        }
        if (listed != null) {
            return Party.customer(listed);
        }
        if (matchesDomain(domain, settings.partnerDomains())) {
            return Party.PARTNER;
        }
        if (settings.externalIsCustomer() && !domain.isEmpty()) {
            return Party.customer(new Customer(email, List.of(email), List.of(), List.of()));
        }
        return Party.EXTERNAL;
    }

    public List<Customer> customers() {
        return current().customers;
    }

    /** Every way text can name a listed customer: names, first names, surnames, aliases, domain stems. */
    public List<Reference> references() {
        return current().references;
    }

    /** The words that name a partner in text: the stems of partners.domains ("zoomship" for zoomship.example). */
    public List<String> partnerNames() {
        return settings.partnerDomains().stream().flatMap(d -> NameForms.domainStems(d).stream()).distinct().toList();
    }

    private static Customer customerByDomain(Snapshot s, String domain) {
        for (String d = domain; !d.isEmpty(); ) {
            Customer c = s.byDomain.get(d);
            if (c != null) {
                return c;
            }
            int dot = d.indexOf('.');
            d = dot < 0 ? "" : d.substring(dot + 1);
        }
        return null;
    }

    private static boolean matchesDomain(String domain, List<String> domains) {
        for (String d : domains) {
            if (domain.equals(d) || domain.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Re-reads the customers file now, whatever its modification time says: a reload (SIGHUP) asks
     * for the file as it is, and a file rewritten within the second of the last read has the same
     * time. A broken file keeps the previous list, as when the directory notices a change itself.
     */
    public synchronized void reload() {
        if (settings.customersFile().isPresent()) {
            checkedAt = System.currentTimeMillis();
            snapshot = load(settings, Optional.of(snapshot));
        }
    }

    private Snapshot current() {
        long now = System.currentTimeMillis();
        if (settings.customersFile().isPresent() && now - checkedAt > RECHECK_MILLIS) {
            checkedAt = now;
            Optional<FileTime> modified = modified(settings.customersFile().get());
            if (!modified.equals(snapshot.modified)) {
                synchronized (this) {
                    if (!modified.equals(snapshot.modified)) {
                        snapshot = load(settings, Optional.of(snapshot));
                    }
                }
            }
        }
        return snapshot;
    }

    private static Snapshot load(DirectorySettings settings, Optional<Snapshot> previous) {
        if (settings.customersFile().isEmpty()) {
            return index(Optional.empty(), List.of());
        }
        Path file = settings.customersFile().get();
        Optional<FileTime> modified = modified(file);
        String failure;
        try {
            CustomerList list = CustomersFile.read(file);
            list.problems().forEach(log::warn);
            // the first load takes even an unusable list: serve has refused one already (CustomersCheck),
            // and check must still run on any file; later ones refuse what CustomersCheck refuses
            if (!list.unusable() || previous.isEmpty()) {
                log.info("loaded {} customers from {}", list.customers().size(), file);
                return index(modified, list.customers());
            }
            failure = "no valid customer row";
        } catch (IOException e) {
            failure = e.getMessage();
        }
        log.warn("cannot load customers file {}: {}; {}", file, failure,
                previous.isPresent() ? "keeping the previous list" : "no customers listed");
        return previous.map(p -> p.kept(modified)).orElseGet(() -> index(modified, List.of()));
    }

    private static Snapshot index(Optional<FileTime> modified, List<Customer> customers) {
        Map<String, Customer> byEmail = new HashMap<>();
        Map<String, Customer> byDomain = new HashMap<>();
        List<Reference> refs = new ArrayList<>();
        for (Customer c : customers) {
            c.emails().forEach(e -> byEmail.put(e, c));
            c.domains().forEach(d -> byDomain.put(d, c));
            NameForms.of(c.name()).forEach(f -> refs.add(new Reference(f, c, true)));
            c.aliases().forEach(a -> refs.add(new Reference(a, c, !Character.isLowerCase(a.charAt(0)))));
            c.domains().forEach(d -> NameForms.domainStems(d).forEach(f -> refs.add(new Reference(f, c, false))));
        }
        return new Snapshot(modified, List.copyOf(customers), Map.copyOf(byEmail), Map.copyOf(byDomain), List.copyOf(refs));
    }

    private static Optional<FileTime> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
