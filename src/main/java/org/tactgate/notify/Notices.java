package org.tactgate.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tactgate.message.Finding;
import org.tactgate.store.Hold;
import org.tactgate.store.NewMessage;

/**
 * The notices of the hold lifecycle, as messages to queue: the sender's "are you sure?", the
 * approver's and reviewers' requests (each with signed one-click links to the confirmation
 * page), the reviewers' digest, and the notice that returns a message to its sender. Links
 * expire at the hold's deadline. Thread-safe.
 */
public final class Notices {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final LinkSigner signer;
    private final String baseUrl;
    private final NoticeMail mail;
    private final Clock clock;

    /**
     * @param baseUrl  {@code web.base-url}, without a trailing slash
     * @param from     {@code notify.from}
     * @param hostname this relay's name, for Message-IDs
     */
    public Notices(LinkSigner signer, String baseUrl, String from, String hostname, Clock clock) {
        this.signer = signer;
        this.baseUrl = baseUrl;
        this.mail = new NoticeMail(from, hostname);
        this.clock = clock;
    }

    /** The confirmation page of one action on one message, valid until {@code expires}. */
    public String link(HeldMail m, LinkAction action) {
        return baseUrl + "/hold/" + signer.sign(m.id(), action, m.deadline());
    }

    /** "Are you sure?" to the sender; with an approver the sender can only withdraw the message. */
    public NewMessage askSender(HeldMail m, Optional<String> approver) {
        StringBuilder t = new StringBuilder();
        t.append("Tactgate is holding a message you sent. Are you sure you want to send it?\r\n\r\n");
        describe(t, m);
        if (approver.isPresent()) {
            t.append("This message needs the approval of ").append(approver.get())
                    .append(", who has been asked. You can still withdraw it:\r\n\r\n");
            button(t, m, LinkAction.CANCEL);
        } else {
            button(t, m, LinkAction.SEND);
            button(t, m, LinkAction.CANCEL);
            if (m.isExposure()) {
                button(t, m, LinkAction.SEND_WITHOUT_CUSTOMER);
            }
        }
        return mail.build(List.of(m.sender()), "Are you sure? Your message \"" + m.subject() + "\" is on hold",
                t.toString(), Optional.empty(), clock.instant());
    }

    /** A request to the approver a rule names. */
    public NewMessage askApprover(HeldMail m, String approver) {
        StringBuilder t = new StringBuilder();
        t.append("A message from ").append(m.sender()).append(" needs your approval before it goes out.\r\n\r\n");
        describe(t, m);
        button(t, m, LinkAction.APPROVE);
        button(t, m, LinkAction.BOUNCE);
        return mail.build(List.of(approver), "Approval needed: \"" + m.subject() + "\" from " + m.sender(),
                t.toString(), Optional.empty(), clock.instant());
    }

    /** One quarantined message for the reviewers. */
    public NewMessage askReviewers(HeldMail m, List<String> reviewers) {
        StringBuilder t = new StringBuilder();
        t.append("A message was quarantined and waits for review.\r\n\r\n");
        describe(t, m);
        button(t, m, LinkAction.RELEASE);
        button(t, m, LinkAction.BOUNCE);
        return mail.build(reviewers, "Quarantined: \"" + m.subject() + "\" from " + m.sender(), t.toString(),
                Optional.empty(), clock.instant());
    }

    /** Several quarantined messages for the reviewers in one mail. */
    public NewMessage digest(List<HeldMail> messages, List<String> reviewers) {
        StringBuilder t = new StringBuilder();
        t.append(messages.size()).append(" message(s) wait in quarantine.\r\n");
        for (HeldMail m : messages) {
            t.append("\r\n----------------------------------------\r\n");
            describe(t, m);
            button(t, m, LinkAction.RELEASE);
            button(t, m, LinkAction.BOUNCE);
        }
        return mail.build(reviewers, "Quarantine digest: " + messages.size() + " message(s) to review", t.toString(),
                Optional.empty(), clock.instant());
    }

    /** Returns a message to its sender, attached, with why it was not sent. */
    public NewMessage returned(HeldMail m, byte[] original, String why) {
        StringBuilder t = new StringBuilder();
        t.append("Your message was not sent, and nobody received it.\r\n\r\n")
                .append("Why: ").append(why).append("\r\n\r\n");
        facts(t, m);
        t.append("Your message is attached, should you want to send a new version.\r\n");
        return mail.build(List.of(m.sender()), "Not sent: \"" + m.subject() + "\"", t.toString(),
                Optional.of(original), clock.instant());
    }

    private static void describe(StringBuilder t, HeldMail m) {
        facts(t, m);
        t.append("If nobody decides by ").append(WHEN.format(m.deadline())).append(", the message will be ")
                .append(m.atDeadline() == Hold.AtDeadline.RELEASE ? "sent as it is" : "returned to its sender")
                .append(".\r\n\r\n");
    }

    private static void facts(StringBuilder t, HeldMail m) {
        t.append("Subject: ").append(m.subject()).append("\r\n")
                .append("To:      ").append(String.join(", ", m.recipients())).append("\r\n")
                .append("Sent:    ").append(WHEN.format(m.receivedAt())).append("\r\n");
        if (!m.exposedCustomers().isEmpty()) {
            t.append("Customer who would see it: ").append(String.join(", ", m.exposedCustomers())).append("\r\n");
        }
        t.append("\r\nWhy it was held:\r\n");
        for (Finding f : m.findings()) {
            t.append("  - ").append(f.reason()).append(" (").append(f.detector()).append(")\r\n")
                    .append("    \"").append(f.evidence()).append("\"\r\n");
            KinderWording.suggest(f).ifPresent(s ->
                    t.append("    A kinder way to say it: \"").append(s).append("\"\r\n"));
        }
        t.append("\r\n");
    }

    private void button(StringBuilder t, HeldMail m, LinkAction action) {
        t.append(action.label()).append(":\r\n  ").append(link(m, action)).append("\r\n\r\n");
    }

    /** When a notice says the deadline is; for tests and pages. */
    public static String when(Instant instant) {
        return WHEN.format(instant);
    }
}
