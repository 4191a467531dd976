package org.tactgate.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tactgate.directory.Directory;
import org.tactgate.message.Finding;
import org.tactgate.store.Hold;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.RecipientStatus;
import org.tactgate.store.StoredMessage;

/**
 * A held message as people are shown it, in notices and on the confirmation page: subject,
 * sender, recipients, when, why (the findings), which customers would see it, the deadline and
 * what happens then, and where it stands now (a release shows as releasing, with the upstream's
 * last error, until it is delivered).
 *
 * @param exposedCustomers customer addresses among the recipients (the ones "Send without the customer" drops)
 */
public record HeldMail(MessageId id, String subject, String sender, List<String> recipients, Instant receivedAt,
                       List<Finding> findings, List<String> exposedCustomers, Instant deadline,
                       Hold.AtDeadline atDeadline, MessageState state, Optional<String> lastError) {

    public HeldMail {
        recipients = List.copyOf(recipients);
        findings = List.copyOf(findings);
        exposedCustomers = List.copyOf(exposedCustomers);
    }

    public static HeldMail of(StoredMessage m, byte[] content, Hold hold, Directory directory) {
        List<String> recipients = m.recipients().stream().map(RecipientStatus::address).toList();
        List<String> customers = recipients.stream().filter(a -> directory.classify(a).isCustomer()).toList();
        return new HeldMail(m.id(), subject(content), m.envelope().sender(), recipients, m.envelope().receivedAt(),
                m.decision().inspection().findings(), customers, hold.deadline(), hold.atDeadline(), m.state(),
                m.lastError());
    }

    /** True for a hold about a customer on Cc/Bcc, where dropping the customer makes the mail safe. */
    public boolean isExposure() {
        return !exposedCustomers.isEmpty() && exposedCustomers.size() < recipients.size()
                && findings.stream().anyMatch(f -> f.detector().equals("exposure"));
    }

    /** True once a release was accepted but the upstream has not taken the message yet. */
    public boolean isReleasing() {
        return state.isDeliverable();
    }

    /** The decoded Subject header, or "(no subject)". */
    static String subject(byte[] content) {
        try {
            String raw = new InternetHeaders(new ByteArrayInputStream(content)).getHeader("Subject", " ");
            if (raw == null || raw.isBlank()) {
                return "(no subject)";
            }
            return MimeUtility.decodeText(MimeUtility.unfold(raw)).strip();
        } catch (MessagingException | UnsupportedEncodingException e) {
            return "(unreadable subject)";
        }
    }
}
