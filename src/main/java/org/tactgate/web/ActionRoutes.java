package org.tactgate.web;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tactgate.hold.ActionResult;
import org.tactgate.hold.Actor;
import org.tactgate.hold.HoldActions;
import org.tactgate.message.MessageId;

/**
 * {@code POST /console/messages/{id}/{action}} and {@code POST /console/bulk}: release, bounce
 * (with a reason) or delete (admins only), through {@link HoldActions}, which writes the audit
 * rows. The results page says what happened to each message.
 */
final class ActionRoutes {
    private final HoldActions actions;

    ActionRoutes(HoldActions actions) {
        this.actions = actions;
    }

    void register(Javalin app) {
        app.post("/console/messages/{id}/{action}", ctx -> act(ctx, List.of(ctx.pathParam("id")), ctx.pathParam("action")));
        app.post("/console/bulk", ctx -> act(ctx, ctx.formParams("id"), ctx.formParam("action")));
    }

    private void act(Context ctx, List<String> ids, String actionName) {
        ReviewAction action = ReviewAction.parse(actionName).orElseThrow(() -> new BadRequestResponse("Unknown action."));
        Actor actor = ConsoleAuth.actor(ctx);
        String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("");
        List<ActionOutcome> outcomes = run(actions, action, actor, ids, reason);
        ConsolePage.render(ctx, "results.peb", "queue", Map.of("action", action.toString(), "outcomes", outcomes));
    }

    /** Shared by the console and the API: checks the role, reason and count, then acts on each id. */
    static List<ActionOutcome> run(HoldActions actions, ReviewAction action, Actor actor, List<String> ids,
                                   String reason) {
        if (action.adminOnly() && actor.role() != Actor.Role.ADMIN) {
            throw new ForbiddenResponse("Only an admin may " + action + " messages.");
        }
        if (action.needsReason() && reason.isBlank()) {
            throw new BadRequestResponse("Say why: the reason goes to the sender.");
        }
        if (ids.isEmpty()) {
            throw new BadRequestResponse("Choose at least one message.");
        }
        if (ids.size() > ReviewAction.MAX_BULK) {
            throw new BadRequestResponse("At most " + ReviewAction.MAX_BULK + " messages at a time.");
        }
        String why = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        List<ActionOutcome> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Optional<MessageId> messageId = MessageRoutes.parseId(id);
            if (messageId.isEmpty()) {
                out.add(new ActionOutcome(id, false, "", "not a message id"));
                continue;
            }
            ActionResult r = action.apply(actions, messageId.get(), actor, why);
            out.add(new ActionOutcome(id, r.applied(), r.state() == null ? "" : r.state().name(), r.message()));
        }
        return out;
    }
}
