package org.tactgate.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A raw-socket SMTP client for tests that read like the conversation:
 * {@code send("MAIL FROM:<a@b.example>"); expect("250");}. Every read has a timeout. Public for the
 * tests of other packages that speak to a relay (the release archive's).
 */
public final class SmtpDialogue implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 10_000;

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private final int port;

    private SmtpDialogue(Socket socket, int port) throws IOException {
        this.port = port;
        use(socket);
    }

    /** Connects from 127.0.0.1 and reads the greeting. */
    public static SmtpDialogue connect(int port) throws IOException {
        return connectFrom("127.0.0.1", port);
    }

    /** Connects from 127.0.0.1 without reading anything (the greeting may be a refusal). */
    static SmtpDialogue open(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
        return new SmtpDialogue(socket, port);
    }

    /** Connects from a chosen loopback source address (e.g. 127.0.0.2) and reads the greeting. */
    static SmtpDialogue connectFrom(String source, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
        SmtpDialogue dialogue = new SmtpDialogue(socket, port);
        dialogue.expect("220");
        return dialogue;
    }

    private void use(Socket s) throws IOException {
        socket = s;
        socket.setSoTimeout(READ_TIMEOUT_MS);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    /** Sends one command line (CRLF added). */
    public SmtpDialogue send(String line) throws IOException {
        return sendRaw(line + "\r\n");
    }

    /** Sends bytes exactly as given: no CRLF added, nothing converted. */
    SmtpDialogue sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Reads one reply (all its lines) and checks that it starts with {@code prefix}; returns it. */
    public String expect(String prefix) throws IOException {
        String reply = reply();
        assertThat(reply).as("reply from server").startsWith(prefix);
        return reply;
    }

    /** Reads one full reply; multi-line replies are joined with newlines. */
    public String reply() throws IOException {
        StringBuilder reply = new StringBuilder();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed; reply so far: " + reply);
            }
            reply.append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return reply.toString();
            }
            reply.append('\n');
        }
    }

    /** Sends a whole message with DATA and returns the reply to the end of data. */
    public String data(String content) throws IOException {
        send("DATA");
        expect("354");
        sendRaw(content + "\r\n.\r\n");
        return reply();
    }

    /** STARTTLS and handshake, trusting {@code trust}. */
    SmtpDialogue startTls(SSLContext trust) throws IOException {
        send("STARTTLS");
        expect("220");
        SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(socket, "localhost", port, true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        use(tls);
        return this;
    }

    /** Whether the server has closed the connection (reads end of stream). */
    boolean isClosedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
