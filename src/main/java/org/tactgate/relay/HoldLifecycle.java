package org.tactgate.relay;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.tactgate.message.Decision;
import org.tactgate.config.Settings;
import org.tactgate.directory.Directory;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.notify.LinkSigner;
import org.tactgate.notify.Notices;
import org.tactgate.notify.SecretKeyFile;
import org.tactgate.hold.HoldActions;
import org.tactgate.hold.HoldDesk;
import org.tactgate.hold.HoldEvents;
import org.tactgate.hold.HoldScheduler;
import org.tactgate.policy.Policy;
import org.tactgate.store.MessageStore;
import org.tactgate.web.ConfirmPages;

/**
 * The parts of the hold lifecycle wired together from the settings: the link key (created on
 * first start), notices, the {@link HoldDesk}, the {@link HoldScheduler} and the confirmation
 * pages for the web server to register. One per relay; thread-safe.
 */
public final class HoldLifecycle {
    private final Settings settings;
    private final MessageStore store;
    private final Runnable wakeDelivery;
    private final Clock clock;
    private final Directory directory;
    private final LinkSigner signer;
    private final Notices notices;
    private final HoldDesk desk;
    private final HoldScheduler scheduler;

    private HoldLifecycle(Settings settings, MessageStore store, Runnable wakeDelivery, Clock clock, HoldEvents events) {
        this.settings = settings;
        this.store = store;
        this.wakeDelivery = wakeDelivery;
        this.clock = clock;
        this.directory = Directory.of(settings.directory());
        this.signer = new LinkSigner(SecretKeyFile.loadOrCreate(settings.notices().secretFile()), clock);
        this.notices = new Notices(signer, settings.notices().baseUrl(), settings.notices().from(),
                settings.smtp().hostname(), clock);
        this.desk = new HoldDesk(store, notices, signer, directory, wakeDelivery, clock, events);
        this.scheduler = new HoldScheduler(store, desk, notices, directory, settings.notices().reviewers(),
                new HoldScheduler.Timing(settings.policy().deadlineCheck(), settings.retention().check(),
                        settings.retention().period(), settings.notices().digestInterval()), clock, wakeDelivery);
    }

    public static HoldLifecycle open(Settings settings, MessageStore store, Runnable wakeDelivery, Clock clock) {
        return open(settings, store, wakeDelivery, clock, HoldEvents.NONE);
    }

    /** @param events told of each decision and deadline default (the relay's meters) */
    public static HoldLifecycle open(Settings settings, MessageStore store, Runnable wakeDelivery, Clock clock,
                                     HoldEvents events) {
        return new HoldLifecycle(settings, store, wakeDelivery, clock, events);
    }

    /** The intake pipeline with holds, notices, tags and audit committed with each message. */
    MessagePipeline pipeline(MessageInspector inspector, Policy policy, Consumer<Decision> onJudged) {
        Admissions admissions = new Admissions(directory, notices, settings.notices().reviewers(),
                settings.notices().digestInterval().isPresent(), clock);
        return new MessagePipeline(inspector, policy, store, wakeDelivery, Optional.of(admissions), Optional.of(signer),
                onJudged);
    }

    public HoldActions actions() {
        return desk;
    }

    public HoldScheduler scheduler() {
        return scheduler;
    }

    public LinkSigner signer() {
        return signer;
    }

    /** The sender/approver/reviewer confirmation pages, to register on the web server's app. */
    public ConfirmPages confirmPages() {
        return new ConfirmPages(signer, desk, store, directory);
    }
}
