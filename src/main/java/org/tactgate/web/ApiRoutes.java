package org.tactgate.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tactgate.hold.Actor;
import org.tactgate.hold.HoldActions;
import org.tactgate.store.AuditLog;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageStore;
import org.tactgate.store.StoredMessage;

/**
 * The JSON API for scripts, {@code /api/…}: the queue, one message, the actions and the audit
 * trail, with the console's rules (delete is for admins, bounce needs a reason).
 *
 * <p>SECURITY: every call needs {@code Authorization: Bearer <token>}, a per-user token made by
 * {@code tactgate user token NAME} and stored only as its SHA-256; cookies are ignored here, so
 * the API cannot be driven by another site through a logged-in browser (no CSRF exposure).
 */
final class ApiRoutes {
    private static final String ACCOUNT = "tactgate.api.account";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageStore store;
    private final HoldActions actions;
    private final AuditLog audit;
    private final UserStore users;
    private final Clock clock;
    private final ReviewQueue queue;

    ApiRoutes(MessageStore store, HoldActions actions, AuditLog audit, UserStore users, Clock clock) {
        this.store = store;
        this.actions = actions;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.queue = new ReviewQueue(store, clock);
    }

    void register(Javalin app) {
        app.before("/api/*", this::authenticate);
        app.get("/api/messages", ctx -> ctx.json(Map.of("messages", queue.find(QueueFilter.from(ctx::queryParam),
                AuditQuery.number(ctx.queryParam("limit"), 100, 1, 1000)).stream().map(ApiRoutes::summary).toList())));
        app.get("/api/messages/{id}", this::show);
        app.post("/api/messages/{id}/{action}", ctx -> ctx.json(act(ctx, List.of(ctx.pathParam("id")),
                ctx.pathParam("action"), body(ctx)).get(0)));
        app.post("/api/actions", ctx -> {
            ApiRequest request = body(ctx);
            ctx.json(Map.of("results", act(ctx, request.idList(), request.action(), request)));
        });
        app.get("/api/audit", ctx -> ctx.json(Map.of("entries",
                AuditQuery.from(ctx::queryParam).run(audit, clock))));
    }

    private void authenticate(Context ctx) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        if (!header.startsWith("Bearer ") || header.length() > 200) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("An API token is needed: Authorization: Bearer <token>.");
        }
        Account account = users.findByApiToken(Secrets.sha256Hex(header.substring(7).strip()))
                .orElseThrow(() -> new UnauthorizedResponse("Unknown API token."));
        ctx.attribute(ACCOUNT, account);
    }

    private void show(Context ctx) {
        MessageId id = MessageRoutes.parseId(ctx.pathParam("id")).orElseThrow(() -> new NotFoundResponse("No such message."));
        StoredMessage m = store.find(id).orElseThrow(() -> new NotFoundResponse("No such message."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", MessageDetail.of(m));
        body.put("subject", MailSummary.of(store.content(id)).subject());
        body.put("findings", m.decision().inspection().findings());
        body.put("audit", audit.forMessage(id).stream().map(AuditRow::of).toList());
        ctx.json(body);
    }

    private List<ActionOutcome> act(Context ctx, List<String> ids, String actionName, ApiRequest request) {
        ReviewAction action = ReviewAction.parse(actionName).orElseThrow(() -> new BadRequestResponse("Unknown action."));
        Account account = ctx.attribute(ACCOUNT);
        Actor actor = new Actor(account.name(), ctx.ip(), account.role().actorRole());
        return ActionRoutes.run(actions, action, actor, ids, request.reasonText());
    }

    private static ApiRequest body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return ApiRequest.EMPTY;
        }
        try {
            return JSON.readValue(text, ApiRequest.class);
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("The body is not the JSON expected: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> summary(QueueItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("state", i.state());
        m.put("verdict", i.message().decision().verdict().name());
        m.put("rule", i.rule());
        m.put("sender", i.sender());
        m.put("recipients", i.message().envelope().recipients());
        m.put("subject", i.summary().subject());
        m.put("receivedAt", AuditRow.TIME.format(i.message().envelope().receivedAt()));
        m.put("detectors", i.detectors());
        m.put("evidence", i.evidence());
        return m;
    }
}
