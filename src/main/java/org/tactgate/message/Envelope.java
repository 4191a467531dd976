package org.tactgate.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SMTP envelope of a message as it arrived.
 *
 * @param sender        MAIL FROM address; empty string for the null sender {@code <>}
 * @param recipients    every RCPT TO, in order (Bcc recipients included)
 * @param clientAddress the connecting client's IP address
 * @param helo          what the client said in HELO/EHLO
 * @param authUser      the SMTP AUTH identity, if the client authenticated
 */
public record Envelope(
        String sender,
        List<String> recipients,
        String clientAddress,
        String helo,
        Optional<String> authUser,
        Instant receivedAt) {

    public Envelope {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one recipient");
        }
    }

    public boolean hasNullSender() {
        return sender.isEmpty();
    }
}
