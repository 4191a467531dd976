package org.tactgate.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEthaSMTP) on a loopback port for tests: records each message's session,
 * envelope and exact bytes, and refuses the recipients it is told to with the reply it is given.
 */
final class RecordingSmtpServer implements AutoCloseable {

    /** One message as received: the session it came over, the envelope, the bytes after DATA. */
    record Received(String session, String sender, List<String> recipients, byte[] content) {
    }

    private final Map<String, RejectException> refusals = new ConcurrentHashMap<>();
    private volatile RejectException dataRefusal;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final SMTPServer server;

    RecordingSmtpServer(int port) {
        server = SMTPServer.port(port)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("sink.test")
                .insertReceivedHeaders(false)
                .messageHandlerFactory(this::handler)
                .build();
        server.start();
    }

    static RecordingSmtpServer onAnyPort() {
        return new RecordingSmtpServer(0);
    }

    int port() {
        return server.getPortAllocated();
    }

    /** RCPT TO for {@code address} gets {@code code text}. */
    void refuse(String address, int code, String text) {
        refusals.put(address, new RejectException(code, text));
    }

    /** The end of DATA gets {@code code text} for every message. */
    void refuseData(int code, String text) {
        dataRefusal = new RejectException(code, text);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int sessionCount() {
        return sessions.size();
    }

    private MessageHandler handler(MessageContext context) {
        return new MessageHandler() {
            private String sender;
            private final List<String> recipients = new ArrayList<>();

            @Override
            public void from(String from) {
                sender = from;
            }

            @Override
            public void recipient(String recipient) throws RejectException {
                RejectException refusal = refusals.get(recipient);
                if (refusal != null) {
                    throw refusal;
                }
                recipients.add(recipient);
            }

            @Override
            public String data(InputStream data) throws IOException, RejectException {
                if (dataRefusal != null) {
                    data.readAllBytes();
                    throw dataRefusal;
                }
                received.add(new Received(context.getSessionId(), sender, List.copyOf(recipients), data.readAllBytes()));
                sessions.add(context.getSessionId());
                return null;
            }

            @Override
            public void done() {
            }
        };
    }

    @Override
    public void close() {
        server.stop();
    }
}
