package org.tactgate.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tactgate.directory.Directory;
import org.tactgate.message.Finding;
import org.tactgate.notify.HeldMail;
import org.tactgate.notify.KinderWording;
import org.tactgate.notify.LinkSigner;
import org.tactgate.notify.LinkToken;
import org.tactgate.notify.Notices;
import org.tactgate.hold.LinkActions;
import org.tactgate.store.Hold;
import org.tactgate.store.MessageStore;
import org.tactgate.store.StoredMessage;

/**
 * The pages behind one-click links: {@code GET /hold/{token}} shows the held message (subject,
 * recipients, the evidence highlighted, the deadline) and a button; {@code POST /hold/{token}}
 * acts. A GET never changes anything, so a mail scanner that fetches every link in a notice
 * cannot send or cancel a message.
 *
 * <p>SECURITY: the token is untrusted; {@link LinkSigner} checks its signature and expiry before
 * anything is read, and a forged, altered, expired or reused token gets a page that says so and
 * changes nothing. POST needs a CSRF value that the GET set both as a {@code SameSite=Strict}
 * cookie and as a form field (double submit), so another site cannot make a browser act.
 * Pages are rendered with Pebble's auto-escaping (message text is attacker-controlled) and sent
 * with {@code Cache-Control: no-store} and {@code Referrer-Policy: no-referrer}, as the URL is a
 * capability. Thread-safe.
 */
public final class ConfirmPages {
    private static final Logger log = LoggerFactory.getLogger(ConfirmPages.class);
    private static final String CSRF = "tg_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LinkSigner signer;
    private final LinkActions actions;
    private final MessageStore store;
    private final Directory directory;
    private final PebbleEngine pebble = new PebbleEngine.Builder()
            .loader(prefixed(new ClasspathLoader())).autoEscaping(true).strictVariables(false).build();

    public ConfirmPages(LinkSigner signer, LinkActions actions, MessageStore store, Directory directory) {
        this.signer = signer;
        this.actions = actions;
        this.store = store;
        this.directory = directory;
    }

    public void register(Javalin app) {
        app.get("/hold/{token}", this::show);
        app.post("/hold/{token}", this::act);
    }

    private void show(Context ctx) {
        Optional<LinkToken> token = verified(ctx);
        if (token.isEmpty()) {
            return;
        }
        if (store.tokenSpent(token.get().signature())) {
            refuse(ctx, HttpStatus.CONFLICT, "This link was already used",
                    "Each link works once, and this one has been used. Nothing was changed.");
            return;
        }
        Optional<HeldMail> held = held(token.get());
        if (held.isEmpty()) {
            refuse(ctx, HttpStatus.NOT_FOUND, "This message is no longer here",
                    "The message this link was about is not known to Tactgate.");
            return;
        }
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
        ctx.header("Set-Cookie", CSRF + "=" + csrf + "; Path=/hold; HttpOnly; SameSite=Strict"
                + (ctx.scheme().equals("https") ? "; Secure" : ""));
        Map<String, Object> model = model(held.get());
        model.put("action", token.get().action().label());
        model.put("waiting", held.get().state().name().equals("HELD") || held.get().state().name().equals("QUARANTINED"));
        model.put("csrf", csrf);
        render(ctx, HttpStatus.OK, "hold.peb", model);
    }

    private void act(Context ctx) {
        Optional<LinkToken> token = verified(ctx);
        if (token.isEmpty()) {
            return;
        }
        String cookie = Optional.ofNullable(ctx.cookie(CSRF)).orElse("");
        String field = Optional.ofNullable(ctx.formParam("csrf")).orElse("");
        if (cookie.isEmpty() || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII),
                field.getBytes(StandardCharsets.US_ASCII))) {
            refuse(ctx, HttpStatus.FORBIDDEN, "Please use the button on the page",
                    "This request did not come from the confirmation page. Open the link from your mail again.");
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("msg", token.get().id().value())) {
            LinkActions.LinkResult result = actions.follow(token.get(), ctx.ip());
            if (result.alreadyUsed()) {
                refuse(ctx, HttpStatus.CONFLICT, "This link was already used",
                        "Each link works once. " + result.result().message() + ".");
                return;
            }
            Map<String, Object> model = new HashMap<>();
            held(token.get()).ifPresent(h -> model.putAll(model(h)));
            model.put("applied", result.result().applied());
            model.put("outcome", result.result().message());
            model.put("state", result.result().state().name().toLowerCase());
            log.info("link {} from {}: {}", token.get().action().word(), ctx.ip(), result.result().message());
            render(ctx, HttpStatus.OK, "done.peb", model);
        }
    }

    /** The checked token, or a refusal page already sent. */
    private Optional<LinkToken> verified(Context ctx) {
        LinkSigner.Check check = signer.check(ctx.pathParam("token"));
        if (check.token().isPresent()) {
            return check.token();
        }
        switch (check.problem().orElseThrow()) {
            case EXPIRED -> refuse(ctx, HttpStatus.GONE, "This link has expired",
                    "The deadline for this decision has passed; what the policy says happens then has happened.");
            default -> refuse(ctx, HttpStatus.BAD_REQUEST, "This link is not valid",
                    "The link is damaged or was not made by Tactgate. Nothing was changed.");
        }
        return Optional.empty();
    }

    private Optional<HeldMail> held(LinkToken token) {
        Optional<StoredMessage> m = store.find(token.id());
        Optional<Hold> hold = store.hold(token.id());
        if (m.isEmpty() || hold.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HeldMail.of(m.get(), store.content(token.id()).orElse(new byte[0]), hold.get(), directory));
    }

    private static Map<String, Object> model(HeldMail m) {
        Map<String, Object> model = new HashMap<>();
        model.put("subject", m.subject());
        model.put("sender", m.sender());
        model.put("recipients", String.join(", ", m.recipients()));
        model.put("customers", String.join(", ", m.exposedCustomers()));
        model.put("sent", Notices.when(m.receivedAt()));
        model.put("deadline", Notices.when(m.deadline()));
        model.put("atDeadline", m.atDeadline() == Hold.AtDeadline.RELEASE ? "sent as it is" : "returned to its sender");
        model.put("releasing", m.isReleasing());
        model.put("lastError", m.lastError().orElse(""));
        List<Map<String, String>> findings = new ArrayList<>();
        for (Finding f : m.findings()) {
            Map<String, String> row = new HashMap<>(Evidence.split(f));
            row.put("detector", f.detector());
            row.put("symbol", f.symbol());
            row.put("reason", f.reason());
            row.put("kinder", KinderWording.suggest(f).orElse(""));
            findings.add(row);
        }
        model.put("findings", findings);
        return model;
    }

    private void refuse(Context ctx, HttpStatus status, String title, String text) {
        render(ctx, status, "refused.peb", new HashMap<>(Map.of("title", title, "text", text)));
    }

    private void render(Context ctx, HttpStatus status, String template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            pebble.getTemplate(template).evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.status(status).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .html(out.toString());
    }

    private static ClasspathLoader prefixed(ClasspathLoader loader) {
        loader.setPrefix("templates/confirm");
        return loader;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The evidence sentence cut around the words its reason quotes, to highlight them. */
    static final class Evidence {
        private Evidence() {
        }

        static Map<String, String> split(Finding f) {
            int q = f.reason().indexOf('"');
            int q2 = q < 0 ? -1 : f.reason().indexOf('"', q + 1);
            String evidence = f.evidence();
            if (q2 > q + 1) {
                String words = f.reason().substring(q + 1, q2).toLowerCase(java.util.Locale.ROOT);
                int at = evidence.toLowerCase(java.util.Locale.ROOT).replace('’', '\'').indexOf(words);
                if (at >= 0) {
                    return Map.of("before", evidence.substring(0, at), "mark", evidence.substring(at, at + words.length()),
                            "after", evidence.substring(at + words.length()));
                }
            }
            return Map.of("before", "", "mark", evidence, "after", "");
        }
    }
}
