package org.tactgate.notify;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.tactgate.message.Inspection;
import org.tactgate.message.Decision;
import org.tactgate.message.Verdict;
import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;

/**
 * Renders one notice as a stored message ready to queue: text/plain (plus the original as a
 * {@code message/rfc822} attachment when returning it), from {@code notify.from} (also the
 * envelope sender, so undeliverable notices reach the admin), {@code Auto-Submitted: auto-generated}.
 * Thread-safe.
 */
final class NoticeMail {
    /** The rule name stored with a notice's decision, so notices can be told apart in the store. */
    static final String RULE = "notice";

    private final String from;
    private final String hostname;
    private final Session session = Session.getInstance(new Properties());

    NoticeMail(String from, String hostname) {
        this.from = from;
        this.hostname = hostname;
    }

    NewMessage build(List<String> to, String subject, String text, Optional<byte[]> attached, Instant now) {
        MessageId id = MessageId.next();
        try {
            MimeMessage m = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + id.value() + "@" + hostname + ">");
                }
            };
            m.setFrom(new InternetAddress(from, "Tactgate", "UTF-8"));
            for (String rcpt : to) {
                m.addRecipient(Message.RecipientType.TO, new InternetAddress(rcpt, false));
            }
            m.setSubject(subject, "UTF-8");
            m.setSentDate(Date.from(now));
            m.setHeader("Auto-Submitted", "auto-generated");
            if (attached.isEmpty()) {
                m.setText(text, "UTF-8");
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setText(text, "UTF-8");
                mixed.addBodyPart(body);
                MimeBodyPart original = new MimeBodyPart();
                original.setDataHandler(new DataHandler(new ByteArrayDataSource(attached.get(), "message/rfc822")));
                original.setHeader("Content-Type", "message/rfc822");
                original.setDisposition(MimeBodyPart.ATTACHMENT);
                original.setFileName("your-message.eml");
                mixed.addBodyPart(original);
                m.setContent(mixed);
            }
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            // from notify.from rather than <>: a notice that cannot be delivered should reach
            // whoever runs Tactgate (and some MTAs refuse the null sender from a relay)
            Envelope envelope = new Envelope(from, to, "127.0.0.1", hostname, Optional.empty(), now);
            return new NewMessage(id, envelope, out.toByteArray(), new Decision(Verdict.PASS, RULE, Inspection.NOTHING),
                    MessageState.QUEUED);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot build a notice", e);
        }
    }
}
