package org.tactgate.delivery;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tactgate.message.Inspection;
import org.tactgate.message.Decision;
import org.tactgate.message.Verdict;
import org.tactgate.store.DeliveryOutcome.RecipientResult;
import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;
import org.tactgate.store.StoredMessage;

/**
 * Builds the RFC 3464 delivery status notification that tells a sender which recipients failed
 * for good: {@code multipart/report; report-type=delivery-status} with a text part for people,
 * a {@code message/delivery-status} part for programs, and the original headers
 * ({@code text/rfc822-headers}). It comes from {@code MAILER-DAEMON@<hostname>} with the null
 * envelope sender, so it can never bounce back; a message whose own sender is null gets none
 * (RFC 5321 §6.1: that is how bounce loops are avoided).
 *
 * <p>Thread-safe (immutable; Jakarta Mail objects are created per call).
 */
public final class DeliveryStatusNotification {
    /** The rule name stored with a DSN's decision, so people can tell DSNs apart in the store. */
    public static final String RULE = "dsn";

    private static final Pattern ENHANCED = Pattern.compile("(?:^|\\s)([245]\\.\\d{1,3}\\.\\d{1,3})(?=\\s|$)");

    private final String hostname;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    public DeliveryStatusNotification(String hostname, Clock clock) {
        this.hostname = hostname;
        this.clock = clock;
    }

    /**
     * The DSN for {@code failed} recipients of {@code original}, ready to store as QUEUED; empty
     * when the original has the null sender or nothing failed.
     *
     * @param originalContent the stored bytes (only the header section is returned to the sender)
     */
    public Optional<NewMessage> build(StoredMessage original, byte[] originalContent, List<RecipientResult> failed) {
        if (original.envelope().hasNullSender() || failed.isEmpty()) {
            return Optional.empty();
        }
        MessageId id = MessageId.next();
        Instant now = clock.instant();
        Envelope envelope = new Envelope("", List.of(original.envelope().sender()), "127.0.0.1", hostname,
                Optional.empty(), now);
        byte[] content = render(id, original, originalContent, failed, now);
        Decision decision = new Decision(Verdict.PASS, RULE, Inspection.NOTHING);
        return Optional.of(new NewMessage(id, envelope, content, decision, MessageState.QUEUED));
    }

    private byte[] render(MessageId id, StoredMessage original, byte[] originalContent,
                          List<RecipientResult> failed, Instant now) {
        try {
            MimeMultipart report = new ReportMultipart();
            report.addBodyPart(textPart(original, failed));
            report.addBodyPart(rawPart(statusFields(original, failed), "message/delivery-status"));
            report.addBodyPart(rawPart(headerSection(originalContent), "text/rfc822-headers"));

            MimeMessage message = new FixedIdMessage(session, "<" + id.value() + "@" + hostname + ">");
            message.setFrom(new InternetAddress("MAILER-DAEMON@" + hostname, "Mail Delivery System", "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(original.envelope().sender(), false));
            message.setSubject("Undelivered Mail Returned to Sender", "UTF-8");
            message.setSentDate(Date.from(now));
            message.setHeader("Auto-Submitted", "auto-replied");
            message.setContent(report);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(originalContent.length / 4 + 4096);
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot build a DSN for " + original.id(), e);
        }
    }

    private MimeBodyPart textPart(StoredMessage original, List<RecipientResult> failed) throws MessagingException {
        StringBuilder text = new StringBuilder()
                .append("This is the mail system at host ").append(hostname).append(".\r\n\r\n")
                .append("Your message could not be delivered to one or more recipients.\r\n")
                .append("It was received on ").append(MailDate.format(original.envelope().receivedAt()))
                .append(" and has the id ").append(original.id()).append(".\r\n\r\n");
        for (RecipientResult r : failed) {
            text.append("<").append(r.address()).append(">: ").append(r.reply()).append("\r\n");
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text.toString(), "UTF-8");
        part.setDescription("Notification");
        return part;
    }

    private byte[] statusFields(StoredMessage original, List<RecipientResult> failed) {
        StringBuilder s = new StringBuilder()
                .append("Reporting-MTA: dns; ").append(hostname).append("\r\n")
                .append("X-Tactgate-Queue-ID: ").append(original.id()).append("\r\n")
                .append("Arrival-Date: ").append(MailDate.format(original.envelope().receivedAt())).append("\r\n");
        for (RecipientResult r : failed) {
            String reply = r.reply() == null ? "" : r.reply().replaceAll("[\\r\\n]+", " ");
            s.append("\r\n")
                    .append("Final-Recipient: rfc822; ").append(r.address()).append("\r\n")
                    .append("Action: failed\r\n")
                    .append("Status: ").append(status(reply)).append("\r\n")
                    .append("Diagnostic-Code: smtp; ").append(reply).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The enhanced status code (RFC 3463) from the reply, else one derived from its class:
     * {@code 5.0.0} for a permanent refusal. An expiry keeps {@code 4.4.7}, as RFC 3464 allows
     * for a failure caused by a persistent temporary condition.
     */
    static String status(String reply) {
        Matcher m = ENHANCED.matcher(reply.length() > 40 ? reply.substring(0, 40) : reply);
        if (m.find()) {
            return m.group(1);
        }
        return "5.0.0";
    }

    private static MimeBodyPart rawPart(byte[] bytes, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setHeader("Content-Type", type);
        return part;
    }

    /** The header section of a message: everything before the first empty line. */
    static byte[] headerSection(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                int next = i + 1;
                if (next < content.length && content[next] == '\n') {
                    return Arrays.copyOf(content, next);
                }
                if (next + 1 < content.length && content[next] == '\r' && content[next + 1] == '\n') {
                    return Arrays.copyOf(content, next);
                }
            }
        }
        return content.clone();
    }

    /** {@code multipart/report} needs a {@code report-type} parameter that MimeMultipart cannot set. */
    private static final class ReportMultipart extends MimeMultipart {
        ReportMultipart() throws MessagingException {
            super("report");
            ContentType type = new ContentType(contentType);
            type.setParameter("report-type", "delivery-status");
            contentType = type.toString();
        }
    }

    /** A message whose Message-ID is ours rather than one guessed from the local host name. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
