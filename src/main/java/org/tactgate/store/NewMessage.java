package org.tactgate.store;

import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;
import org.tactgate.message.Decision;

/** A message to commit: its envelope, raw RFC 5322 bytes, the decision, and the state it starts in. */
public record NewMessage(MessageId id, Envelope envelope, byte[] content, Decision decision, MessageState state) {
}
