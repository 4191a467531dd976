package org.tactgate.hold;

import java.util.List;
import org.tactgate.store.Hold;

/**
 * What the {@link HoldDesk} reports once a change to a held message is committed, for the relay's
 * meters. Called on the thread that acted (a web request, the CLI, the hold scheduler), after the
 * store transaction, never for an action that changed nothing. Implementations are thread-safe
 * and must not throw: the decision is already applied, a failing listener must not undo it.
 */
public interface HoldEvents {

    /**
     * The action words a person's decision carries (as in the audit trail), so a meter can show
     * every one at zero before the first decision.
     */
    List<String> DECISIONS = List.of("confirm", "approve", "cancel", "send-without-customer", "release", "bounce",
            "delete");

    /** Nobody listens: the CLI and the tests that do not count. */
    HoldEvents NONE = new HoldEvents() {
        @Override
        public void decided(String action) {
        }

        @Override
        public void expired(Hold.AtDeadline outcome) {
        }
    };

    /** A person (sender, approver, reviewer, admin) decided: {@code action} is one of {@link #DECISIONS}. */
    void decided(String action);

    /** Nobody decided by the hold's deadline and its default applied. */
    void expired(Hold.AtDeadline outcome);
}
