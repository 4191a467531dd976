package org.tactgate.directory;

import java.util.Optional;

/** Who an address belongs to. {@code customer} is present only for {@link Kind#CUSTOMER}. */
public record Party(Kind kind, Optional<Customer> customer) {

    public static final Party INTERNAL = new Party(Kind.INTERNAL, Optional.empty());
    public static final Party PARTNER = new Party(Kind.PARTNER, Optional.empty());
    public static final Party EXTERNAL = new Party(Kind.EXTERNAL, Optional.empty());

    public static Party customer(Customer customer) {
        return new Party(Kind.CUSTOMER, Optional.of(customer));
    }

    public boolean isCustomer() {
        return kind == Kind.CUSTOMER;
    }

    public boolean isInternal() {
        return kind == Kind.INTERNAL;
    }

    /** The four kinds of correspondent the site settings distinguish. */
    public enum Kind { INTERNAL, CUSTOMER, PARTNER, EXTERNAL }
}
