package org.tactgate.web;

import java.util.List;
import org.tactgate.store.StoredMessage;

/** One row of the review queue: the stored message and what a reviewer scans it by. */
public record QueueItem(StoredMessage message, MailSummary summary, String age, List<String> detectors, String evidence) {

    public String id() {
        return message.id().value();
    }

    public String state() {
        return message.state().name();
    }

    public String sender() {
        return message.envelope().sender().isEmpty() ? "<>" : message.envelope().sender();
    }

    public String recipients() {
        return String.join(", ", message.envelope().recipients());
    }

    public String subject() {
        return summary.subject().isBlank() ? "(no subject)" : summary.subject();
    }

    public String rule() {
        return message.decision().rule();
    }
}
