package org.tactgate.hold;

import org.tactgate.hold.ActionResult;
import org.tactgate.hold.Actor;
import java.util.Optional;
import org.tactgate.message.MessageId;

/**
 * The human decisions on a held or quarantined message. Each call is one store transaction plus
 * one audit row; calling it again when it was already applied changes nothing and says so
 * (pressing "Send anyway" twice delivers once). Thread-safe; used by the web pages, the JSON API,
 * the CLI and the deadline scheduler alike.
 *
 * <p>Senders act on HELD mail ({@link #confirm}, {@link #cancel}, {@link #sendWithoutCustomer});
 * reviewers act on QUARANTINED (and HELD) mail ({@link #release}, {@link #bounce}, {@link #delete}).
 * An unknown id, or a message in a state the action does not apply to, gives a result with
 * {@code applied == false}; it never throws for that.
 */
public interface HoldActions {

    /** "Send anyway": HELD → QUEUED. */
    ActionResult confirm(MessageId id, Actor actor);

    /** "Don't send": HELD → BOUNCED, the message returned to its sender. */
    ActionResult cancel(MessageId id, Actor actor);

    /** "Send without the customer": HELD → QUEUED to the internal recipients only. */
    ActionResult sendWithoutCustomer(MessageId id, Actor actor);

    /** A reviewer's release: QUARANTINED or HELD → QUEUED. */
    ActionResult release(MessageId id, Actor actor, Optional<String> reason);

    /** A reviewer's bounce: → BOUNCED, the sender gets the reason. */
    ActionResult bounce(MessageId id, Actor actor, String reason);

    /** A reviewer's delete: → DELETED; metadata and audit rows stay. */
    ActionResult delete(MessageId id, Actor actor, String reason);
}
