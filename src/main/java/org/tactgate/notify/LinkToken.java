package org.tactgate.notify;

import java.time.Instant;
import org.tactgate.message.MessageId;

/**
 * A verified one-click token: which message, which action, until when, and its signature (the
 * key under which its single use is recorded).
 */
public record LinkToken(MessageId id, LinkAction action, Instant expires, String signature) {
}
