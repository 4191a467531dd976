package org.tactgate.hold;

import org.tactgate.hold.ActionResult;
import org.tactgate.hold.Actor;
import org.tactgate.hold.HoldActions;
import org.tactgate.hold.LinkActions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tactgate.directory.Directory;
import org.tactgate.notify.HeldMail;
import org.tactgate.notify.LinkSigner;
import org.tactgate.notify.LinkToken;
import org.tactgate.notify.Notices;
import org.tactgate.store.AuditEntry;
import org.tactgate.store.Hold;
import org.tactgate.message.MessageId;
import org.tactgate.store.MessageState;
import org.tactgate.store.MessageStore;
import org.tactgate.store.NewMessage;
import org.tactgate.store.Resolution;
import org.tactgate.store.StoredMessage;

/**
 * The {@link HoldActions} over the store: each action is one {@link MessageStore#resolve} (state
 * change conditional on the current state, bytes, recipients, notices and the audit row
 * together), so pressing twice, racing nodes or a deadline firing at the same moment apply it
 * once. A released message gets a signed {@code X-Tactgate-Released} header, so it is never
 * held again should it pass through Tactgate once more; after a release the delivery queue is
 * woken, and the message shows as releasing (QUEUED/DEFERRED, with the upstream's error) until
 * the upstream accepts it.
 *
 * <p>Approvals: a hold that names an approver waits for the approver (rule {@code approval =
 * instead}) or for the sender first and then the approver ({@code approval = after}); the
 * sender's confirmation then asks the approver. Thread-safe.
 */
public final class HoldDesk implements HoldActions, LinkActions {
    private static final Logger log = LoggerFactory.getLogger(HoldDesk.class);
    private static final Set<MessageState> HELD = Set.of(MessageState.HELD);
    private static final Set<MessageState> WAITING = Set.of(MessageState.HELD, MessageState.QUARANTINED);

    private final MessageStore store;
    private final Notices notices;
    private final LinkSigner signer;
    private final Directory directory;
    private final Runnable wakeDelivery;
    private final Clock clock;
    private final HoldEvents events;

    public HoldDesk(MessageStore store, Notices notices, LinkSigner signer, Directory directory, Runnable wakeDelivery,
                    Clock clock) {
        this(store, notices, signer, directory, wakeDelivery, clock, HoldEvents.NONE);
    }

    /** @param events told of every decision and deadline default this desk applies */
    public HoldDesk(MessageStore store, Notices notices, LinkSigner signer, Directory directory, Runnable wakeDelivery,
                    Clock clock, HoldEvents events) {
        this.store = store;
        this.notices = notices;
        this.signer = signer;
        this.directory = directory;
        this.wakeDelivery = wakeDelivery;
        this.clock = clock;
        this.events = events;
    }

    /** The action as a person sees it: what happened to which message. */
    private record Step(String action, Set<MessageState> from, MessageState to, Optional<Hold.Awaiting> requires,
                        Optional<Hold.Awaiting> then, Optional<byte[]> content, List<String> drop,
                        List<NewMessage> notices, String detail, String done) {
    }

    @Override
    public ActionResult confirm(MessageId id, Actor actor) {
        return confirm(null, id, actor);
    }

    private ActionResult confirm(Tokened tokened, MessageId id, Actor actor) {
        return run(tokened, id, actor, Optional.empty(), (m, hold, content) -> confirmStep(m, hold, content, actor));
    }

    @Override
    public ActionResult cancel(MessageId id, Actor actor) {
        return cancel(null, id, actor);
    }

    private ActionResult cancel(Tokened tokened, MessageId id, Actor actor) {
        return run(tokened, id, actor, Optional.empty(), (m, hold, content) -> returnStep("cancel", WAITING, m, hold, content,
                "you chose not to send it", "Not sent: it was returned to you", Optional.empty()));
    }

    @Override
    public ActionResult sendWithoutCustomer(MessageId id, Actor actor) {
        return sendWithoutCustomer(null, id, actor);
    }

    private ActionResult sendWithoutCustomer(Tokened tokened, MessageId id, Actor actor) {
        return run(tokened, id, actor, Optional.empty(), (m, hold, content) -> {
            HeldMail held = HeldMail.of(m, content, hold, directory);
            if (!held.isExposure()) {
                return Optional.empty();
            }
            String removed = String.join(", ", held.exposedCustomers());
            byte[] stamped = prepend(content, "X-Tactgate-Removed-Recipients: " + removed,
                    "X-Tactgate-Released: " + signer.releaseStamp(id));
            return Optional.of(new Step("send-without-customer", HELD, MessageState.QUEUED,
                    Optional.of(Hold.Awaiting.SENDER), Optional.empty(), Optional.of(stamped), held.exposedCustomers(),
                    List.of(), "removed " + removed, "Sending to the internal recipients only; removed " + removed));
        });
    }

    @Override
    public ActionResult release(MessageId id, Actor actor, Optional<String> reason) {
        return release(null, id, actor, reason);
    }

    private ActionResult release(Tokened tokened, MessageId id, Actor actor, Optional<String> reason) {
        return run(tokened, id, actor, reason, (m, hold, content) -> Optional.of(releaseStep("release", WAITING, Optional.empty(),
                id, content, reason.orElse(""))));
    }

    @Override
    public ActionResult bounce(MessageId id, Actor actor, String reason) {
        return bounce(null, id, actor, reason);
    }

    private ActionResult bounce(Tokened tokened, MessageId id, Actor actor, String reason) {
        return run(tokened, id, actor, Optional.of(reason), (m, hold, content) -> returnStep("bounce", WAITING, m, hold, content,
                reason, "Returned to the sender", Optional.empty()));
    }

    @Override
    public ActionResult delete(MessageId id, Actor actor, String reason) {
        return delete(null, id, actor, reason);
    }

    private ActionResult delete(Tokened tokened, MessageId id, Actor actor, String reason) {
        return run(tokened, id, actor, Optional.of(reason), (m, hold, content) -> Optional.of(new Step("delete", WAITING,
                MessageState.DELETED, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                reason, "Deleted; its record and audit trail stay")));
    }

    /** Applies a hold's deadline default, once, as the system. */
    public ActionResult expire(Hold hold) {
        Actor system = Actor.system("scheduler");
        ActionResult result = hold.atDeadline() == Hold.AtDeadline.RELEASE
                ? run(null, hold.id(), system, Optional.empty(), (m, h, content) -> Optional.of(releaseStep("deadline-release",
                        WAITING, Optional.empty(), h.id(), content, "no decision by the deadline")))
                : run(null, hold.id(), system, Optional.empty(), (m, h, content) -> returnStep("deadline-bounce", WAITING, m, h,
                        content, "nobody decided by the deadline", "Returned to the sender", Optional.empty()));
        if (result.applied()) {
            events.expired(hold.atDeadline());
        }
        return result;
    }

    @Override
    public LinkResult follow(LinkToken token, String clientAddress) {
        Optional<StoredMessage> found = store.find(token.id());
        Optional<Hold> hold = store.hold(token.id());
        if (store.tokenSpent(token.signature())) {
            MessageState state = found.map(StoredMessage::state).orElse(MessageState.DELETED);
            return new LinkResult(true, found.map(HoldDesk::unchanged)
                    .orElse(new ActionResult(false, state, "This message is not known here")));
        }
        if (found.isEmpty() || hold.isEmpty()) {
            return new LinkResult(false, new ActionResult(false, MessageState.DELETED, "This message is not known here"));
        }
        String who = switch (token.action()) {
            case SEND, CANCEL, SEND_WITHOUT_CUSTOMER -> found.get().envelope().sender();
            case APPROVE -> hold.get().approver().orElse("approver");
            case RELEASE, BOUNCE -> "reviewer";
        };
        Actor.Role role = switch (token.action()) {
            case SEND, CANCEL, SEND_WITHOUT_CUSTOMER -> Actor.Role.SENDER;
            case APPROVE -> Actor.Role.APPROVER;
            case RELEASE, BOUNCE -> Actor.Role.REVIEWER;
        };
        Actor actor = new Actor(who, clientAddress, role);
        Resolution.Token spent = new Resolution.Token(token.signature(), token.expires());
        Tokened tokened = new Tokened(spent);
        ActionResult result = switch (token.action()) {
            case SEND, APPROVE -> confirm(tokened, token.id(), actor);
            case CANCEL -> cancel(tokened, token.id(), actor);
            case SEND_WITHOUT_CUSTOMER -> sendWithoutCustomer(tokened, token.id(), actor);
            case RELEASE -> release(tokened, token.id(), actor, Optional.of("one-click link"));
            case BOUNCE -> bounce(tokened, token.id(), actor, "a reviewer returned it");
        };
        return new LinkResult(tokened.refused, result);
    }

    private Optional<Step> confirmStep(StoredMessage m, Hold hold, byte[] content, Actor actor) {
        if (actor.role() == Actor.Role.APPROVER) {
            return Optional.of(releaseStep("approve", HELD, Optional.of(Hold.Awaiting.APPROVER), m.id(), content, ""));
        }
        if (hold.approver().isPresent()) {
            // approval after the sender: the sender's yes asks the approver
            HeldMail held = HeldMail.of(m, content, hold, directory);
            return Optional.of(new Step("confirm", HELD, MessageState.HELD, Optional.of(Hold.Awaiting.SENDER),
                    Optional.of(Hold.Awaiting.APPROVER), Optional.empty(), List.of(),
                    List.of(notices.askApprover(held, hold.approver().get())), "approver asked: " + hold.approver().get(),
                    "Confirmed; " + hold.approver().get() + " has been asked to approve it"));
        }
        return Optional.of(releaseStep("confirm", HELD, Optional.of(Hold.Awaiting.SENDER), m.id(), content, ""));
    }

    private Step releaseStep(String action, Set<MessageState> from, Optional<Hold.Awaiting> requires, MessageId id,
                             byte[] content, String detail) {
        byte[] stamped = prepend(content, "X-Tactgate-Released: " + signer.releaseStamp(id));
        return new Step(action, from, MessageState.QUEUED, requires, Optional.empty(), Optional.of(stamped), List.of(),
                List.of(), detail, "Released: it is being delivered");
    }

    private Optional<Step> returnStep(String action, Set<MessageState> from, StoredMessage m, Hold hold, byte[] content,
                                      String why, String done, Optional<Hold.Awaiting> requires) {
        HeldMail held = HeldMail.of(m, content, hold, directory);
        List<NewMessage> returned = m.envelope().hasNullSender() ? List.of() : List.of(notices.returned(held, content, why));
        return Optional.of(new Step(action, from, MessageState.BOUNCED, requires, Optional.empty(), Optional.empty(),
                List.of(), returned, why, done));
    }

    /** Builds the step from the message as it is now; empty = the action does not apply to it. */
    @FunctionalInterface
    private interface Planner {
        Optional<Step> plan(StoredMessage m, Hold hold, byte[] content);
    }

    /** The token a run spends (passed down from {@link #follow}), and whether it was refused. */
    private static final class Tokened {
        final Resolution.Token token;
        boolean refused;

        Tokened(Resolution.Token token) {
            this.token = token;
        }
    }

    /** @param tokened the link token this action spends, or null when a person or the system acts directly */
    private ActionResult run(Tokened tokened, MessageId id, Actor actor, Optional<String> reason, Planner planner) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("msg", id.value())) {
            Optional<StoredMessage> found = store.find(id);
            if (found.isEmpty()) {
                return new ActionResult(false, MessageState.DELETED, "This message is not known here");
            }
            StoredMessage m = found.get();
            Hold hold = store.hold(id).orElseGet(() -> new Hold(id, m.decision().rule(), m.updatedAt(),
                    Hold.AtDeadline.BOUNCE, List.of(), Optional.empty(), Hold.Awaiting.REVIEWER));
            byte[] content = store.content(id).orElse(new byte[0]);
            Optional<Step> step = WAITING.contains(m.state()) ? planner.plan(m, hold, content) : Optional.empty();
            if (step.isEmpty()) {
                return unchanged(m);
            }
            Step s = step.get();
            String detail = s.detail() + (reason.isPresent() && !s.detail().contains(reason.get()) ? " " + reason.get() : "");
            AuditEntry audit = new AuditEntry(clock.instant(), Optional.of(id), actor.name(),
                    actor.address(), s.action(), detail.strip());
            Resolution r = new Resolution(id, s.from(), s.to(), Optional.of(s.action() + " by " + actor.name()),
                    s.requires(), Optional.ofNullable(tokened).map(t -> t.token), s.content(), s.drop(), s.then(),
                    s.notices(), audit);
            Resolution.Result result = store.resolve(r);
            if (result == Resolution.Result.TOKEN_SPENT) {
                tokened.refused = true;
                return new ActionResult(false, m.state(), "This link was already used");
            }
            if (result == Resolution.Result.NOT_APPLICABLE) {
                return unchanged(store.find(id).orElse(m));
            }
            log.info("{} by {} ({}, {}): {} -> {}", s.action(), actor.name(), actor.role(), actor.address(), m.state(), s.to());
            if (actor.role() != Actor.Role.SYSTEM) {
                // the system acts only at a deadline, which expire() reports as a timeout, not a decision
                events.decided(s.action());
            }
            if (s.to() == MessageState.QUEUED || !s.notices().isEmpty()) {
                wakeDelivery.run();
            }
            return new ActionResult(true, s.to(), s.done());
        }
    }

    private static ActionResult unchanged(StoredMessage m) {
        String why = switch (m.state()) {
            case QUEUED, DEFERRED -> "Already released: it is being delivered"
                    + m.lastError().filter(e -> m.state() == MessageState.DEFERRED).map(e -> " (upstream said: " + e + ")").orElse("");
            case DELIVERED -> "Already sent";
            case BOUNCED -> "Already returned to the sender";
            case DELETED -> "Deleted by a reviewer";
            case HELD, QUARANTINED -> "This action does not apply to this message now (it waits for someone else)";
            default -> "Nothing to do: the message is " + m.state().name().toLowerCase();
        };
        return new ActionResult(false, m.state(), why);
    }

    /** The message with header lines put in front (a header's position does not matter to readers). */
    static byte[] prepend(byte[] content, String... headers) {
        List<byte[]> parts = new ArrayList<>();
        int size = content.length;
        for (String h : headers) {
            byte[] b = (h.replaceAll("[\\r\\n]+", " ") + "\r\n").getBytes(StandardCharsets.UTF_8);
            parts.add(b);
            size += b.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        System.arraycopy(content, 0, out, at, content.length);
        return out;
    }
}
