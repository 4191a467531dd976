package org.tactgate.web;

import java.util.List;
import org.tactgate.store.RecipientStatus;
import org.tactgate.store.StoredMessage;

/** The facts of one stored message as the message view and the API show them. */
public record MessageDetail(String id, String state, String verdict, String rule, String sender,
                            List<String> recipients, String clientAddress, String authUser, String receivedAt,
                            String lastError, long size, boolean actionable) {

    static MessageDetail of(StoredMessage m) {
        return new MessageDetail(m.id().value(), m.state().name(), m.decision().verdict().name(), m.decision().rule(),
                m.envelope().sender().isEmpty() ? "<>" : m.envelope().sender(),
                m.recipients().stream().map(RecipientStatus::address).toList(),
                m.envelope().clientAddress(), m.envelope().authUser().orElse(""),
                AuditRow.TIME.format(m.envelope().receivedAt()), m.lastError().orElse(""), m.size(),
                QueueFilter.REVIEWABLE.contains(m.state()));
    }
}
