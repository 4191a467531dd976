package org.tactgate.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP connection to the upstream, on Angus Mail's transport: it does the connect, EHLO,
 * STARTTLS, AUTH, timeouts and the DATA stream (dot-stuffing, final {@code CRLF.CRLF}); this class
 * adds single commands whose reply is returned rather than thrown, so the caller can judge each
 * recipient, and a DATA phase that sends bytes exactly as given rather than a re-encoded message.
 *
 * <p>Not thread-safe beyond what the transport's own lock gives: owned by one worker.
 * Methods throw {@link MessagingException} or {@link IOException} when the connection fails.
 */
final class SmtpConnection extends SMTPTransport {

    SmtpConnection(Session session, URLName url) {
        super(session, url);
    }

    /** Sends one command line and returns the reply, whatever its code. */
    synchronized SmtpReply command(String line) throws MessagingException {
        int code = simpleCommand(line);
        return SmtpReply.of(code, getLastServerResponse());
    }

    /**
     * DATA, the bytes, and the end-of-data mark; returns the reply to DATA when it was not 354,
     * otherwise the reply after the data.
     */
    synchronized SmtpReply data(byte[] content) throws MessagingException, IOException {
        try {
            OutputStream out = data();
            out.write(content);
            finishData();
            return SmtpReply.of(getLastReturnCode(), getLastServerResponse());
        } catch (SMTPSendFailedException refused) {
            // Thrown by the transport for any unexpected reply to DATA or to the final dot.
            return SmtpReply.of(refused.getReturnCode(), refused.getMessage());
        }
    }
}
