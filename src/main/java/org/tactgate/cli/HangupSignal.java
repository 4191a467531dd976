package org.tactgate.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP runs a reload, as it does for Postfix, nginx and most Unix daemons, and as
 * {@code systemctl reload} sends it ({@code ExecReload} in {@code dist/tactgate.service}).
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}, exported and kept for exactly this
 * use) because the JDK has no supported API for a POSIX signal. It is also needed to keep the
 * relay running: without a handler the JVM takes SIGHUP as a request to exit and runs the
 * shutdown hooks, so a reload would stop the relay.
 */
final class HangupSignal {
    private static final Logger log = LoggerFactory.getLogger(HangupSignal.class);

    private HangupSignal() {
    }

    /** Runs {@code reload} on each SIGHUP (on a thread of the JVM's own, one per signal). */
    static void onHangup(Runnable reload) {
        try {
            SignalHandler previous = Signal.handle(new Signal("HUP"), signal -> reload.run());
            if (previous == SignalHandler.SIG_IGN) {
                // a signal ignored when the JVM started (nohup) cannot be handled: say so instead of waiting for it
                log.warn("SIGHUP is ignored by this process (started under nohup?): a reload needs a restart");
            } else {
                log.info("SIGHUP (systemctl reload) re-reads the policy, lexicons, customers and TLS certificate");
            }
        } catch (IllegalArgumentException e) {
            // -Xrs, or a system without SIGHUP
            log.warn("cannot handle SIGHUP ({}): a reload needs a restart", e.getMessage());
        }
    }
}
