package org.tactgate.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.Optional;
import org.tactgate.store.AuditLog;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageStore;
import org.tactgate.store.StoredMessage;

/**
 * {@code GET /console/messages/{id}}: one message with its evidence in context, headers, a safe
 * preview of its body, its attachments (listed, never opened), its audit trail and the actions.
 */
final class MessageRoutes {
    private final MessageStore store;
    private final AuditLog audit;

    MessageRoutes(MessageStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    void register(Javalin app) {
        app.get("/console/messages/{id}", this::show);
    }

    private void show(Context ctx) {
        MessageId id = parseId(ctx.pathParam("id")).orElseThrow(() -> new NotFoundResponse("No such message."));
        StoredMessage m = store.find(id).orElseThrow(() -> new NotFoundResponse("No such message."));
        byte[] content = store.content(id).orElse(new byte[0]);
        MailPreview preview = MailPreviewer.preview(content, m.decision().inspection().findings());
        ConsolePage.render(ctx, "message.peb", "queue", Map.of(
                "m", MessageDetail.of(m),
                "summary", MailSummary.of(Optional.of(content)),
                "preview", preview,
                "audit", audit.forMessage(id).stream().map(AuditRow::of).toList()));
    }

    static Optional<MessageId> parseId(String text) {
        try {
            return Optional.of(new MessageId(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
