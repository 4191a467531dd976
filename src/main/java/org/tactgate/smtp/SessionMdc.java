package org.tactgate.smtp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Puts the session id in the MDC ({@code session}) for every log line of a session, and reports
 * each session opened (the relay counts them in {@code tactgate_smtp_sessions_total}).
 */
final class SessionMdc implements SessionHandler {
    private static final Logger log = LoggerFactory.getLogger(SessionMdc.class);

    private final Runnable opened;

    /** @param opened run once per accepted connection, on its session thread; must not throw */
    SessionMdc(Runnable opened) {
        this.opened = opened;
    }

    @Override
    public SessionAcceptance accept(Session session) {
        // Called on the session's own thread, before the greeting.
        MDC.put("session", session.getSessionId());
        log.debug("connect from {}", session.getRealRemoteAddress());
        opened.run();
        return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {
        log.debug("disconnect");
        MDC.remove("session");
    }
}
