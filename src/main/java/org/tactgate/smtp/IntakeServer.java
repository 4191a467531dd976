package org.tactgate.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.server.SMTPServer;
import org.tactgate.config.SmtpSettings;

/**
 * The ESMTP intake server: accepts mail from clients allowed by {@code smtp.*} settings and hands
 * each complete message to an {@link Intake}. Built on SubEthaSMTP, with its own EHLO, DATA and
 * STARTTLS/AUTH preconditions (see {@link EhloCommand}, {@link DataCommand}).
 *
 * <p>Order of calls: construct (reads the users file, certificate and key; throws
 * {@link IllegalArgumentException} or {@link UncheckedIOException} on bad ones), {@link #start()}
 * once, {@link #port()} and {@link #useTls} any time after, {@link #stop(Duration)} once. Thread-safe.
 *
 * <p>SECURITY: every connection is untrusted. Relay permission, AUTH (only over TLS unless
 * {@code smtp.auth.allow-plaintext}), message size, recipient count, connection count and idle
 * timeout are enforced here; messages with bare CR/LF are refused (SMTP smuggling); BDAT is
 * refused because its data would bypass those checks.
 */
public final class IntakeServer {
    private static final Logger log = LoggerFactory.getLogger(IntakeServer.class);

    private final SMTPServer server;
    private final SessionThreads sessions = new SessionThreads();
    private volatile Listener listener;
    /** The STARTTLS identity new handshakes use; a reload replaces it ({@link #useTls}). */
    private volatile Optional<SSLContext> tls;

    public IntakeServer(SmtpSettings settings, Intake intake) {
        this(settings, intake, () -> { });
    }

    /** @param sessionOpened run once per client connection, on its session thread (the relay counts them) */
    public IntakeServer(SmtpSettings settings, Intake intake, Runnable sessionOpened) {
        this(settings, intake, sessionOpened, Clock.systemUTC());
    }

    IntakeServer(SmtpSettings settings, Intake intake, Runnable sessionOpened, Clock clock) {
        NetworkList allowed = NetworkList.parse(settings.allowedNetworks());
        Optional<UsersFile> users = settings.authUsersFile().map(UsersFile::load);
        Optional<SSLContext> tls = settings.tlsCertificate()
                .map(certificate -> PemCredentials.sslContext(certificate, settings.tlsKey().orElseThrow()));
        this.tls = tls;
        boolean authBeforeTls = settings.authAllowPlaintext();
        if (users.isPresent() && tls.isEmpty() && !authBeforeTls) {
            throw new IllegalArgumentException("smtp.auth.users-file needs smtp.tls.certificate and smtp.tls.key"
                    + " (AUTH only after STARTTLS), or smtp.auth.allow-plaintext = true");
        }
        RelayPolicy relay = new RelayPolicy(allowed, users.isPresent(), settings.authRequired());
        long maxSize = settings.maxMessageSize();

        SMTPServer.Builder builder = SMTPServer.port(settings.listen().port())
                .bindAddress(bindAddress(settings.listen().host()))
                .hostName(settings.hostname())
                .softwareName("Tactgate")
                .messageHandlerFactory(context -> new IntakeTransaction(context, intake, relay, settings.maxRecipients(), clock))
                .executorService(sessions)
                .sessionHandler(new SessionMdc(sessionOpened))
                .serverSocketFactory(this::newListener)
                .insertReceivedHeaders(false)
                .maxConnections(settings.maxConnections())
                .connectionTimeoutMs((int) Math.min(Integer.MAX_VALUE, settings.sessionTimeout().toMillis()))
                // Recipients are counted by IntakeTransaction, which answers with an enhanced code.
                .maxRecipients(-1)
                // Only used for the SIZE= parameter of MAIL; DataReader enforces the real limit.
                .maxMessageSize((int) Math.min(Integer.MAX_VALUE, maxSize));
        users.ifPresent(file -> builder.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(
                (user, password, context) -> {
                    if (!file.verify(user, password.toCharArray())) {
                        log.info("refused AUTH user={} client={}", user, context.getRemoteAddress());
                        throw new LoginFailedException();
                    }
                })));
        // the current identity at each STARTTLS, not the one of the start: a reload swaps it
        if (tls.isPresent()) {
            builder.enableTLS(true).startTlsSocketFactory(socket -> serverSocket(this.tls.orElseThrow(), socket));
        }
        this.server = builder.build();

        CommandHandler commands = server.getCommandHandler();
        commands.addCommand(new EhloCommand(settings.hostname(), maxSize, tls.isPresent(), users.isPresent(), authBeforeTls));
        commands.addCommand(new DataCommand(maxSize));
        commands.addCommand(new GuardedCommand(commands.getCommand("BDAT"), session -> true,
                "502 5.5.1 Error: BDAT not supported"));
        if (settings.tlsRequired()) {
            commands.addCommand(new GuardedCommand(commands.getCommand("MAIL"), session -> !session.isTLSStarted(),
                    "530 5.7.0 Must issue a STARTTLS command first"));
        }
        if (!authBeforeTls) {
            commands.addCommand(new GuardedCommand(commands.getCommand("AUTH"),
                    session -> tls.isPresent() && !session.isTLSStarted(),
                    "538 5.7.11 Encryption required for requested authentication mechanism"));
        }
    }

    /** Binds and starts accepting; throws {@link IllegalStateException} if the port cannot be bound. */
    public synchronized void start() {
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on " + server.getDisplayableLocalSocketAddress(), e);
        }
        log.info("SMTP intake listening on {}:{}", server.getBindAddress().map(InetAddress::getHostAddress).orElse("*"), port());
    }

    /**
     * Uses {@code context} for every STARTTLS from now on (a reload of the certificate and key);
     * sessions already encrypted keep the handshake they made. Whether STARTTLS is offered at all
     * is a setting, read at start: a server started without TLS takes none.
     *
     * @throws IllegalStateException when the server was started without {@code smtp.tls.certificate}
     */
    public void useTls(SSLContext context) {
        if (tls.isEmpty()) {
            throw new IllegalStateException("STARTTLS is not enabled: smtp.tls.certificate was not set at start");
        }
        tls = Optional.of(context);
    }

    /** The bound port (the real one when settings said 0). */
    public int port() {
        Listener current = listener;
        if (current == null || current.getLocalPort() < 0) {
            throw new IllegalStateException("not started");
        }
        return current.getLocalPort();
    }

    /**
     * Stops accepting new connections at once, lets sessions in progress go on for up to
     * {@code grace}, then closes whatever is left. A session inside {@link Intake#receive} is
     * waited for, since closing it would not undo the commit.
     */
    public synchronized void stop(Duration grace) {
        Listener current = listener;
        try {
            if (current != null) {
                current.stopAccepting();
            }
            int left = sessions.awaitIdle(grace);
            if (left > 0) {
                log.warn("closing {} SMTP sessions still open after {}", left, grace);
            }
        } catch (IOException e) {
            log.warn("cannot close the SMTP listener", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop();
        }
        log.info("SMTP intake stopped");
    }

    private Listener newListener() throws IOException {
        Listener created = new Listener();
        listener = created;
        return created;
    }

    private static SSLSocket serverSocket(SSLContext context, Socket socket) throws IOException {
        // The peer's IP literal, not its name: no reverse DNS lookup per STARTTLS.
        String peer = socket.getInetAddress().getHostAddress();
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, peer, socket.getPort(), true);
        tls.setUseClientMode(false);
        tls.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return tls;
    }

    private static Optional<InetAddress> bindAddress(String host) {
        if (host.isEmpty() || host.equals("*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("smtp.listen: unknown host " + host, e);
        }
    }
}
