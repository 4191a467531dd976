package org.tactgate.inspect;

import java.util.Optional;
import org.tactgate.directory.Customer;

/**
 * A reference to a customer in a sentence: tokens {@code start..end}.
 *
 * @param customer which customer, when the reference names one (a role noun like "the client" does not)
 * @param strong   false when the name only qualifies a thing ("the Bailey wedding")
 */
public record Target(int start, int end, Optional<Customer> customer, Kind kind, boolean strong) {

    /** How the sentence refers to the customer. */
    public enum Kind {
        NAME, ROLE, PRONOUN,
        /** A nickname written like a name that no one in the message bears ("Mr Last Minute"): see {@link Epithets}. */
        EPITHET
    }
}
