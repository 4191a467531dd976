package org.tactgate.delivery;

import java.util.List;
import org.tactgate.message.MessageId;

/**
 * One delivery attempt handed to an {@link Upstream}.
 *
 * @param id         the stored message's id (for trace and log lines)
 * @param sender     envelope sender; empty string for the null sender {@code <>}
 * @param recipients the recipients still pending, in envelope order (Bcc included)
 * @param content    the exact bytes to transmit: the trace header followed by the stored message
 */
public record Attempt(MessageId id, String sender, List<String> recipients, byte[] content) {

    public Attempt {
        recipients = List.copyOf(recipients);
    }
}
