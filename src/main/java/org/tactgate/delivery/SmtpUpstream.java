package org.tactgate.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.config.DeliverySettings;
import org.tactgate.config.DeliverySettings.StartTls;
import org.tactgate.config.HostPort;
import org.tactgate.store.DeliveryOutcome.RecipientResult;
import org.tactgate.store.RecipientStatus.State;

/**
 * Relays attempts to the upstream SMTP server, keeping one connection open across consecutive
 * attempts: {@code RSET} before each reused transaction (which also proves the connection is
 * alive), a new connection after an error, after {@value #MAX_MESSAGES_PER_CONNECTION} messages
 * or after {@link #MAX_IDLE} without use.
 *
 * <p>Judging replies: a 5xx to {@code RCPT} fails that recipient, a 4xx leaves it pending; when no
 * recipient is accepted no DATA is sent; a 5xx to DATA or after the data fails every accepted
 * recipient, a 4xx leaves them pending; a 5xx to {@code MAIL} fails them all; a connection error,
 * a timeout or a 421 leaves every recipient not yet refused pending.
 *
 * <p>SECURITY: addresses come from the store but were typed by a remote client; an address that
 * could smuggle a second command (CR, LF, angle brackets, controls) is failed, never sent.
 * Credentials go only over TLS, unless the upstream is a loopback address.
 */
public final class SmtpUpstream implements Upstream {
    private static final Logger log = LoggerFactory.getLogger(SmtpUpstream.class);

    static final int MAX_MESSAGES_PER_CONNECTION = 100;
    static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private final Options options;
    private final Session session;

    /** The open connection, or null between connections (never leaves this class). */
    private SmtpConnection connection;
    private int messagesOnConnection;
    private Instant lastUsed = Instant.EPOCH;

    /**
     * How to reach the upstream.
     *
     * @param heloName       this relay's name, sent in EHLO
     * @param timeout        connect timeout, and the limit for each reply and each write
     * @param username       AUTH PLAIN identity; {@code password} goes with it
     * @param trust          decides which upstream certificates pass when TLS is verified
     *                       ({@link #requiresTls}); empty means the JVM's default trust store
     */
    public record Options(HostPort target, String heloName, StartTls startTls, Optional<String> username,
                          Optional<String> password, Optional<SSLSocketFactory> trust, Duration timeout,
                          Clock clock) {

        public Options {
            if (username.isPresent() != password.isPresent()) {
                throw new IllegalArgumentException("upstream username and password go together");
            }
            if (username.isPresent() && startTls == StartTls.NEVER && !isLoopback(target.host())) {
                throw new IllegalArgumentException("upstream.username is set but upstream.starttls=never: "
                        + "the password would cross the network in clear to " + target);
            }
        }

        public static Options from(DeliverySettings settings, String heloName) {
            HostPort target = settings.upstream().orElseThrow(
                    () -> new IllegalArgumentException("no upstream.host: use the outbox instead"));
            return new Options(target, heloName, settings.starttls(), settings.username(), settings.password(),
                    settings.tlsTrustFile().map(PemTrust::socketFactory), settings.connectTimeout(), Clock.systemUTC());
        }

        boolean authenticates() {
            return username.isPresent();
        }

        /** TLS must succeed (and be verified) when asked to, or before a password leaves this host. */
        boolean requiresTls() {
            return startTls == StartTls.REQUIRED || (authenticates() && !isLoopback(target.host()));
        }
    }

    public SmtpUpstream(Options options) {
        this.options = options;
        this.session = Session.getInstance(sessionProperties(options));
    }

    private static Properties sessionProperties(Options o) {
        String timeout = Long.toString(o.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.smtp.localhost", o.heloName());
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        // QUIT without waiting: a connection we drop is usually one we no longer trust.
        p.setProperty("mail.smtp.quitwait", "false");
        p.setProperty("mail.smtp.auth", Boolean.toString(o.authenticates()));
        p.setProperty("mail.smtp.auth.mechanisms", "PLAIN");
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(o.startTls() != StartTls.NEVER));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(o.requiresTls()));
        if (o.requiresTls()) {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            // Angus takes a factory instance here (before any other TLS setting) for STARTTLS.
            o.trust().ifPresent(factory -> p.put("mail.smtp.ssl.socketFactory", factory));
        } else {
            // Opportunistic TLS only hides the traffic from passive listeners; a certificate that
            // does not verify must not stop delivery that would otherwise go out in clear.
            p.setProperty("mail.smtp.ssl.trust", "*");
            p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        }
        return p;
    }

    @Override
    public AttemptResult attempt(Attempt attempt) {
        Map<String, RecipientResult> results = new LinkedHashMap<>();
        try {
            SmtpConnection c = readyConnection();
            SmtpReply last = transaction(c, attempt, results);
            messagesOnConnection++;
            lastUsed = options.clock().instant();
            if (last.closesConnection()) {
                discardConnection();
            }
            Optional<String> error = last.isPositive() ? Optional.empty() : Optional.of(last.text());
            return new AttemptResult(List.copyOf(results.values()), error);
        } catch (MessagingException | IOException | IllegalStateException e) {
            discardConnection();
            String reply = "4.4.2 " + options.target() + ": " + describe(e);
            // Recipients that already drew a 5xx keep it; every other one is retried.
            List<RecipientResult> all = attempt.recipients().stream()
                    .map(r -> Optional.ofNullable(results.get(r)).filter(x -> x.state() == State.FAILED)
                            .orElse(new RecipientResult(r, State.PENDING, reply)))
                    .toList();
            return new AttemptResult(all, Optional.of(reply));
        }
    }

    /** One mail transaction; fills {@code results} for every recipient and returns the deciding reply. */
    private SmtpReply transaction(SmtpConnection c, Attempt attempt, Map<String, RecipientResult> results)
            throws MessagingException, IOException {
        if (!attempt.sender().isEmpty() && !isSafeAddress(attempt.sender())) {
            SmtpReply unusable = SmtpReply.of(553, "553 5.1.7 unusable sender address");
            judgeAll(attempt.recipients(), unusable, results);
            return unusable;
        }
        SmtpReply mail = c.command("MAIL FROM:<" + attempt.sender() + ">" + mailParameters(c, attempt));
        if (!mail.isPositive()) {
            judgeAll(attempt.recipients(), mail, results);
            return mail;
        }
        List<String> accepted = new ArrayList<>();
        SmtpReply lastRefusal = mail;
        for (String rcpt : attempt.recipients()) {
            if (!isSafeAddress(rcpt)) {
                results.put(rcpt, new RecipientResult(rcpt, State.FAILED, "553 5.1.3 unusable recipient address"));
                continue;
            }
            SmtpReply reply = c.command("RCPT TO:<" + rcpt + ">");
            if (reply.isPositive()) {
                accepted.add(rcpt);
                // Provisional: only the reply after the data makes it delivered.
                results.put(rcpt, new RecipientResult(rcpt, State.PENDING, reply.text()));
            } else {
                results.put(rcpt, new RecipientResult(rcpt, reply.isPermanent() ? State.FAILED : State.PENDING,
                        reply.text()));
                lastRefusal = reply;
                if (reply.closesConnection()) {
                    judgeAll(remaining(attempt.recipients(), results), reply, results);
                    return reply;
                }
            }
        }
        if (accepted.isEmpty()) {
            c.command("RSET");
            return lastRefusal;
        }
        SmtpReply data = c.data(attempt.content());
        State state = data.isPositive() ? State.DELIVERED : data.isPermanent() ? State.FAILED : State.PENDING;
        for (String rcpt : accepted) {
            results.put(rcpt, new RecipientResult(rcpt, state, data.text()));
        }
        return data;
    }

    private static void judgeAll(List<String> recipients, SmtpReply reply, Map<String, RecipientResult> results) {
        State state = reply.isPermanent() ? State.FAILED : State.PENDING;
        recipients.forEach(r -> results.put(r, new RecipientResult(r, state, reply.text())));
    }

    private static List<String> remaining(List<String> recipients, Map<String, RecipientResult> results) {
        return recipients.stream().filter(r -> !results.containsKey(r)).toList();
    }

    private static String mailParameters(SmtpConnection c, Attempt attempt) {
        StringBuilder params = new StringBuilder();
        if (c.supportsExtension("SIZE")) {
            params.append(" SIZE=").append(attempt.content().length);
        }
        if (c.supportsExtension("8BITMIME") && hasEightBitBytes(attempt.content())) {
            params.append(" BODY=8BITMIME");
        }
        return params.toString();
    }

    private static boolean hasEightBitBytes(byte[] content) {
        for (byte b : content) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    static boolean isSafeAddress(String address) {
        if (address.isEmpty() || address.length() > 320) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char ch = address.charAt(i);
            if (ch < 0x21 || ch == 0x7f || ch == '<' || ch == '>') {
                return false;
            }
        }
        return true;
    }

    /** An open connection ready for MAIL: reused when fresh and alive, otherwise a new one. */
    private SmtpConnection readyConnection() throws MessagingException {
        Instant now = options.clock().instant();
        if (connection != null && (messagesOnConnection >= MAX_MESSAGES_PER_CONNECTION
                || Duration.between(lastUsed, now).compareTo(MAX_IDLE) > 0)) {
            discardConnection();
        }
        if (connection != null) {
            try {
                if (connection.command("RSET").isPositive()) {
                    return connection;
                }
            } catch (MessagingException stale) {
                log.debug("reused connection to {} failed RSET, reconnecting: {}", options.target(), stale.toString());
            }
            discardConnection();
        }
        if (!isSafeAddress(options.heloName())) {
            throw new IllegalStateException("unusable EHLO name '" + options.heloName() + "'");
        }
        return connect();
    }

    private SmtpConnection connect() throws MessagingException {
        HostPort t = options.target();
        SmtpConnection c = new SmtpConnection(session, new URLName("smtp", t.host(), t.port(), null,
                options.username().orElse(null), options.password().orElse(null)));
        c.connect(t.host(), t.port(), options.username().orElse(null), options.password().orElse(null));
        if (options.authenticates() && !c.supportsExtension("AUTH")) {
            // Angus would carry on unauthenticated; the upstream would then refuse to relay with
            // a 5xx that looks permanent. Treat it as the temporary misconfiguration it is.
            closeQuietly(c);
            throw new MessagingException("upstream does not offer AUTH, cannot log in as " + options.username().get());
        }
        connection = c;
        messagesOnConnection = 0;
        log.debug("connected to upstream {}", t);
        return c;
    }

    private void discardConnection() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private static void closeQuietly(SmtpConnection c) {
        try {
            c.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("closing upstream connection: {}", e.toString());
        }
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString().replaceAll("[\\r\\n]+", " ");
    }

    @Override
    public void close() {
        discardConnection();
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
