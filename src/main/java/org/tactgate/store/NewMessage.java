package org.tactgate.store;

import org.tactgate.policy.Decision;

/** A message to commit: its envelope, raw RFC 5322 bytes, the decision, and the state it starts in. */
public record NewMessage(MessageId id, Envelope envelope, byte[] content, Decision decision, MessageState state) {
}
