package org.tactgate.policy;

import java.util.List;
import java.util.Locale;

/**
 * A list of senders as a rule names them: full addresses ({@code ann@northwind.example}) and
 * domains ({@code @legal.example} or {@code legal.example}, subdomains included). Group names are
 * expanded to their members when the rules file is read. Immutable.
 */
record AddressSet(List<String> entries) {
    static final AddressSet ANY = new AddressSet(List.of());

    AddressSet {
        entries = entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).toList();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    boolean contains(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        String domain = at < 0 ? "" : a.substring(at + 1);
        for (String e : entries) {
            if (e.contains("@") && !e.startsWith("@")) {
                if (e.equals(a)) {
                    return true;
                }
            } else if (inDomain(domain, e.startsWith("@") ? e.substring(1) : e)) {
                return true;
            }
        }
        return false;
    }

    static boolean inDomain(String domain, String parent) {
        return !domain.isEmpty() && (domain.equals(parent) || domain.endsWith("." + parent));
    }
}
