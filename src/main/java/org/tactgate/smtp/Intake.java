package org.tactgate.smtp;

import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;

/**
 * Where the SMTP server hands a complete message. The reply to DATA depends on how this returns:
 * a {@link MessageId} means the message and its verdict are committed ({@code 250});
 * {@link IntakeException} with a temporary flag means {@code 451} (the client keeps it and
 * retries); a permanent one means {@code 550}/{@code 554} (the client bounces it).
 *
 * <p>Called concurrently from session threads; implementations are thread-safe.
 */
public interface Intake {

    MessageId receive(Envelope envelope, byte[] content) throws IntakeException;
}
