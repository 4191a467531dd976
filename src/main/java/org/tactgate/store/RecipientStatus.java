package org.tactgate.store;

import java.util.Optional;

/** Where delivery stands for one envelope recipient, with the upstream's last reply. */
public record RecipientStatus(String address, State state, Optional<String> lastReply) {

    public enum State { PENDING, DELIVERED, FAILED }
}
