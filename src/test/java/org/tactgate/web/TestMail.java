package org.tactgate.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.message.Decision;
import org.tactgate.message.Verdict;
import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;

/** Stored messages for web tests: a held or quarantined mail with the finding that stopped it. */
final class TestMail {
    static final String WEDDING_EVIDENCE = "I don't think they are the type of people we want here";

    private TestMail() {
    }

    static NewMessage quarantined(String sender, String recipient, String subject, String detector, String evidence,
                                  Instant receivedAt) {
        String body = "Hi Tom,\r\n\r\nAbout the Smith wedding: " + evidence + ". Let's quote high.\r\n\r\nAnna\r\n";
        return message(MessageState.QUARANTINED, sender, recipient, receivedAt, text(subject, sender, recipient, body),
                new Finding(detector, 0.91, "body", evidence, "speaks ill of a customer"));
    }

    static NewMessage held(String sender, String recipient, String subject, String detector, String evidence,
                           Instant receivedAt) {
        NewMessage q = quarantined(sender, recipient, subject, detector, evidence, receivedAt);
        return new NewMessage(q.id(), q.envelope(), q.content(), new Decision(Verdict.HOLD, detector + "-hold",
                q.decision().inspection()), MessageState.HELD);
    }

    static NewMessage message(MessageState state, String sender, String recipient, Instant receivedAt, byte[] content,
                              Finding... findings) {
        Envelope envelope = new Envelope(sender, List.of(recipient), "127.0.0.1", "client.example",
                Optional.empty(), receivedAt);
        Verdict verdict = state == MessageState.HELD ? Verdict.HOLD : Verdict.QUARANTINE;
        String rule = findings.length == 0 ? "default" : findings[0].detector() + "-" + verdict.name().toLowerCase();
        return new NewMessage(MessageId.next(), envelope, content,
                new Decision(verdict, rule, new Inspection(List.of(findings))), state);
    }

    static byte[] text(String subject, String from, String to, String body) {
        return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nDate: Mon, 1 Dec 2025 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] html(String subject, String html) {
        return ("From: anna@northwind.example\r\nTo: couple@example.com\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html)
                .getBytes(StandardCharsets.UTF_8);
    }
}
