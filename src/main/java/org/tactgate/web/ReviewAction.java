package org.tactgate.web;

import java.util.Locale;
import java.util.Optional;
import org.tactgate.hold.ActionResult;
import org.tactgate.hold.Actor;
import org.tactgate.hold.HoldActions;
import org.tactgate.message.MessageId;

/** What a reviewer can do to a held or quarantined message, and who may. */
enum ReviewAction {
    RELEASE(false, false), BOUNCE(true, false), DELETE(false, true);

    /** Bulk forms and API calls stop at this many messages. */
    static final int MAX_BULK = 200;

    private final boolean needsReason;
    private final boolean adminOnly;

    ReviewAction(boolean needsReason, boolean adminOnly) {
        this.needsReason = needsReason;
        this.adminOnly = adminOnly;
    }

    static Optional<ReviewAction> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ReviewAction a : values()) {
            if (a.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    boolean needsReason() {
        return needsReason;
    }

    boolean adminOnly() {
        return adminOnly;
    }

    ActionResult apply(HoldActions actions, MessageId id, Actor actor, String reason) {
        String why = reason.strip();
        return switch (this) {
            case RELEASE -> actions.release(id, actor, why.isEmpty() ? Optional.empty() : Optional.of(why));
            case BOUNCE -> actions.bounce(id, actor, why);
            case DELETE -> actions.delete(id, actor, why.isEmpty() ? "deleted by " + actor.name() : why);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
