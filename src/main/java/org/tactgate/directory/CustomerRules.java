package org.tactgate.directory;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes a customer row usable: a name, and an address or a domain to recognise the customer
 * by, each well formed. A malformed one would never match a recipient, so the row is reported
 * rather than loaded half-working. Letters beyond ASCII are allowed (IDN domains, SMTPUTF8 mailboxes).
 */
final class CustomerRules {
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
    /** At least two labels: a bare "example" would make every address under that top-level domain this customer. */
    private static final Pattern DOMAIN = Pattern.compile("(?:" + LABEL + "\\.)+" + LABEL);
    /** RFC 5322 dot-atom; quoted local parts ("john doe"@...) are left out, no CRM writes them. */
    private static final Pattern LOCAL_PART = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LOCAL_PART = 64;

    private CustomerRules() {
    }

    /** Why the row's customer cannot be loaded, or empty when it can. */
    static Optional<String> problem(Customer c) {
        if (c.name().isEmpty()) {
            return Optional.of("no name");
        }
        if (c.emails().isEmpty() && c.domains().isEmpty()) {
            return Optional.of("no e-mail address and no domain");
        }
        for (String email : c.emails()) {
            if (!isEmail(email)) {
                return Optional.of("malformed e-mail address '" + email + "'");
            }
        }
        for (String domain : c.domains()) {
            if (!isDomain(domain)) {
                return Optional.of("malformed domain '" + domain + "'");
            }
        }
        return Optional.empty();
    }

    static boolean isEmail(String email) {
        int at = email.lastIndexOf('@');
        return at > 0 && at <= MAX_LOCAL_PART && LOCAL_PART.matcher(email.substring(0, at)).matches()
                && isDomain(email.substring(at + 1));
    }

    static boolean isDomain(String domain) {
        return domain.length() <= MAX_DOMAIN && DOMAIN.matcher(domain).matches();
    }
}
