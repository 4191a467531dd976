package org.tactgate.hold;

import org.tactgate.hold.ActionResult;
import org.tactgate.notify.LinkToken;

/**
 * Acting on a one-click link: the token's action on the token's message, spending the token in
 * the same transaction (a token works once). The caller has verified the token's signature and
 * expiry ({@link org.tactgate.notify.LinkSigner}). Thread-safe; never throws for a token whose
 * action no longer applies (the result says so).
 */
public interface LinkActions {

    /** @param clientAddress where the person acted from, for the audit row */
    LinkResult follow(LinkToken token, String clientAddress);

    /** The action's result, or that the token had been used already. */
    record LinkResult(boolean alreadyUsed, ActionResult result) {
    }
}
