package org.tactgate.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.tactgate.hold.ActionResult;
import org.tactgate.hold.Actor;
import org.tactgate.hold.HoldActions;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.AuditLog;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;

/**
 * A test stand-in for the policy package's {@link HoldActions}: the same state changes on the
 * store, one audit row per applied action, nothing applied twice. No notices, no DSNs.
 */
final class StoreHoldActions implements HoldActions {
    private final MessageStore store;
    private final AuditLog audit;
    private final Clock clock;

    StoreHoldActions(MessageStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ActionResult confirm(MessageId id, Actor actor) {
        return move(id, actor, "confirm", List.of(MessageState.HELD), MessageState.QUEUED, "", "Sent");
    }

    @Override
    public ActionResult cancel(MessageId id, Actor actor) {
        return move(id, actor, "cancel", List.of(MessageState.HELD), MessageState.BOUNCED, "", "Not sent");
    }

    @Override
    public ActionResult sendWithoutCustomer(MessageId id, Actor actor) {
        return move(id, actor, "send-without-customer", List.of(MessageState.HELD), MessageState.QUEUED, "", "Sent");
    }

    @Override
    public ActionResult release(MessageId id, Actor actor, Optional<String> reason) {
        return move(id, actor, "release", List.of(MessageState.QUARANTINED, MessageState.HELD), MessageState.QUEUED,
                reason.orElse(""), "Released: it will be delivered shortly");
    }

    @Override
    public ActionResult bounce(MessageId id, Actor actor, String reason) {
        return move(id, actor, "bounce", List.of(MessageState.QUARANTINED, MessageState.HELD), MessageState.BOUNCED,
                reason, "Bounced to the sender");
    }

    @Override
    public ActionResult delete(MessageId id, Actor actor, String reason) {
        return move(id, actor, "delete", List.of(MessageState.QUARANTINED, MessageState.HELD), MessageState.DELETED,
                reason, "Deleted");
    }

    private ActionResult move(MessageId id, Actor actor, String action, List<MessageState> from, MessageState to,
                              String detail, String done) {
        Optional<MessageState> now = store.find(id).map(m -> m.state());
        if (now.isEmpty()) {
            return new ActionResult(false, MessageState.DELETED, "No such message");
        }
        if (!from.contains(now.get()) || !store.transition(id, now.get(), to, Optional.of(action))) {
            return new ActionResult(false, now.get(), "Nothing to do: it is " + now.get().name().toLowerCase());
        }
        audit.append(new AuditEntry(clock.instant(), Optional.of(id), actor.name(), actor.address(), action, detail));
        return new ActionResult(true, to, done);
    }
}
