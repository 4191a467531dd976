package org.tactgate.store;

import org.tactgate.message.MessageId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A decision on a held or quarantined message, applied by {@link MessageStore#resolve} in one
 * transaction, or not at all: the message moves from one of {@code from} to {@code to} (and its
 * hold waits for {@code awaiting}, if given), its bytes may be replaced (an added header), some
 * envelope recipients may be dropped, notices are queued and the audit row is appended.
 *
 * @param requireAwaiting applies only while the hold waits for this party
 * @param token           a one-click token to spend: the resolution applies only if it was unused
 * @param content         new bytes for the message (e.g. with an {@code X-Tactgate-*} header added)
 * @param dropRecipients  envelope recipients to remove before delivery
 * @param awaiting        the party the hold waits for afterwards
 */
public record Resolution(MessageId id, Set<MessageState> from, MessageState to, Optional<String> note,
                         Optional<Hold.Awaiting> requireAwaiting, Optional<Token> token, Optional<byte[]> content,
                         List<String> dropRecipients, Optional<Hold.Awaiting> awaiting, List<NewMessage> notices,
                         AuditEntry audit) {

    public Resolution {
        from = Set.copyOf(from);
        dropRecipients = List.copyOf(dropRecipients);
        notices = List.copyOf(notices);
    }

    /** A spent one-click token: its signature, and when it would have expired anyway. */
    public record Token(String signature, Instant expires) {
    }

    /** What {@link MessageStore#resolve} did. */
    public enum Result {
        APPLIED,
        /** Unknown message, or not in a state (or waiting for a party) the resolution applies to. */
        NOT_APPLICABLE,
        /** The token was used before; nothing changed. */
        TOKEN_SPENT
    }
}
