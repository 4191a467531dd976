package org.tactgate.store;

import java.util.List;

/**
 * A claimed message ready for one delivery attempt: only the recipients still PENDING, and the
 * lease token that the outcome must present (a stale lease means another worker took over).
 */
public record DeliveryTask(StoredMessage message, List<String> pendingRecipients, long lease) {
}
