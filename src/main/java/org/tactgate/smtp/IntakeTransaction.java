package org.tactgate.smtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;

/**
 * One mail transaction (MAIL, RCPT..., DATA) of one session. SubEthaSMTP makes one per MAIL and
 * calls {@link #from}, then {@link #recipient} for each RCPT, then {@link DataCommand} calls
 * {@link #complete}, then SubEthaSMTP calls {@link #done}. Confined to its session's thread.
 *
 * <p>Only the envelope and the bytes pass through here: no rule about content lives in smtp.
 * The reply to DATA is 250 only after {@link Intake#receive} returned an id.
 *
 * <p>SECURITY: relay permission is checked at every RCPT, against the connection's real peer
 * address and the session's authentication state at that moment.
 */
final class IntakeTransaction implements MessageHandler {
    private static final Logger log = LoggerFactory.getLogger(IntakeTransaction.class);
    static final String TOO_MANY_RECIPIENTS = "452 4.5.3 Error: too many recipients";
    static final String INTAKE_FAILED = "451 4.3.0 Error: local error in processing, try again later";

    private final MessageContext context;
    private final Intake intake;
    private final RelayPolicy relay;
    private final int maxRecipients;
    private final Clock clock;
    private final InetAddress client;
    private final List<String> recipients = new ArrayList<>();
    private String sender = "";

    IntakeTransaction(MessageContext context, Intake intake, RelayPolicy relay, int maxRecipients, Clock clock) {
        this.context = context;
        this.intake = intake;
        this.relay = relay;
        this.maxRecipients = maxRecipients;
        this.clock = clock;
        this.client = ((InetSocketAddress) context.getRemoteAddress()).getAddress();
    }

    @Override
    public void from(String from) {
        this.sender = from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        Optional<String> refusal = relay.refusal(client, authUser().isPresent());
        if (refusal.isPresent()) {
            throw refuse(refusal.get(), "rcpt=<" + recipient + ">");
        }
        if (recipients.size() >= maxRecipients) {
            throw refuse(TOO_MANY_RECIPIENTS, "rcpt=<" + recipient + ">");
        }
        recipients.add(recipient);
    }

    /** Never called: {@link DataCommand} replaces DATA and BDAT is refused. */
    @Override
    public String data(java.io.InputStream data) {
        throw new IllegalStateException("message data is read by DataCommand");
    }

    /** Hands a complete message to {@link Intake}; returns the full reply line to DATA. */
    String complete(ReceivedData data) {
        if (data.fault().isPresent()) {
            String reply = data.fault().get().reply();
            logRefusal(reply, "size=" + data.size());
            return reply;
        }
        Envelope envelope = new Envelope(sender, recipients, client.getHostAddress(),
                context.getHelo().orElse(""), authUser(), clock.instant());
        try {
            MessageId id = Objects.requireNonNull(intake.receive(envelope, data.content()), "Intake returned no id");
            MDC.put("msg", id.value());
            try {
                log.info("accepted id={} from=<{}> nrcpt={} size={} client={}{}", id, sender, recipients.size(),
                        data.size(), client.getHostAddress(), authUser().map(u -> " user=" + u).orElse(""));
            } finally {
                MDC.remove("msg");
            }
            return "250 2.0.0 Ok: queued as " + id;
        } catch (IntakeException e) {
            String reply = oneLine(e.reply());
            logRefusal(reply, "size=" + data.size());
            return reply;
        } catch (RuntimeException e) {
            log.error("intake failed from=<{}> nrcpt={} size={} client={}", sender, recipients.size(),
                    data.size(), client.getHostAddress(), e);
            return INTAKE_FAILED;
        }
    }

    @Override
    public void done() {
        // Nothing held between transactions.
    }

    private Optional<String> authUser() {
        return context.getAuthenticationHandler().map(AuthenticationHandler::getIdentity).map(String::valueOf);
    }

    private RejectException refuse(String reply, String detail) {
        logRefusal(reply, detail);
        int space = reply.indexOf(' ');
        return new RejectException(Integer.parseInt(reply.substring(0, space)), reply.substring(space + 1));
    }

    private void logRefusal(String reply, String detail) {
        log.info("refused \"{}\" from=<{}> {} client={}", reply, sender, detail, client.getHostAddress());
    }

    /** A reply must be one line: a CR or LF from an exception message would break the dialogue. */
    private static String oneLine(String reply) {
        return reply.replaceAll("[\\r\\n]+", " ");
    }
}
