package org.tactgate.hold;

import org.tactgate.store.MessageState;

/**
 * What a person's action did: whether it changed anything, the message's state afterwards, and a
 * sentence to show them ("Released: it will be delivered shortly", "Already sent").
 */
public record ActionResult(boolean applied, MessageState state, String message) {
}
