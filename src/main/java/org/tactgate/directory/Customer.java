package org.tactgate.directory;

import java.util.List;

/**
 * A customer as listed in {@code customers.file}, or one made up for an unlisted external
 * address when {@code customers.external-default} is on.
 *
 * @param aliases ways staff refer to the customer in text, as listed (e.g. "the Baileys", "Pauline")
 */
public record Customer(String name, List<String> emails, List<String> domains, List<String> aliases) {

    public Customer {
        emails = List.copyOf(emails);
        domains = List.copyOf(domains);
        aliases = List.copyOf(aliases);
    }
}
