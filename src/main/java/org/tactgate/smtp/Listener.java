package org.tactgate.smtp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * The listening socket, able to stop accepting while sessions go on. SubEthaSMTP's own stop closes
 * the listener and every session at once; and if the listener is closed under it, its accept loop
 * logs an error and retries every second. So after {@link #stopAccepting()} the kernel refuses new
 * connections, while {@link #accept()} parks quietly until {@link #close()} (called by
 * SubEthaSMTP's stop) lets the accept loop end.
 */
final class Listener extends ServerSocket {
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean draining;

    Listener() throws IOException {
        super();
    }

    /** Closes the listening socket; sessions already accepted are untouched. */
    void stopAccepting() throws IOException {
        draining = true;
        super.close();
    }

    @Override
    public Socket accept() throws IOException {
        try {
            Socket session = super.accept();
            // SMTP replies are small writes answered by the client's next command: with Nagle's
            // algorithm a pipelining client (Postfix) waits for the delayed ACK, ~40 ms a transaction
            session.setTcpNoDelay(true);
            return session;
        } catch (IOException e) {
            if (draining) {
                try {
                    closed.await();
                } catch (InterruptedException interrupted) {
                    // SubEthaSMTP interrupts its accept thread on stop: that is the signal to end.
                    Thread.currentThread().interrupt();
                }
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        super.close();
        closed.countDown();
    }
}
