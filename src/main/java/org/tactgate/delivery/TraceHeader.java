package org.tactgate.delivery;

import java.nio.charset.StandardCharsets;
import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;

/**
 * The {@code Received:} line this relay adds in front of a message it passes on (RFC 5321 §4.4):
 * {@code Received: from <helo> (<client ip>) by <hostname> (Tactgate) with ESMTP id <id>
 * [for <rcpt>]; <date of arrival>}, folded to stay readable. {@code for} appears only for a single
 * recipient, so the header never lists the other (possibly Bcc) recipients.
 *
 * <p>SECURITY: the HELO name and client address were sent by the client; anything that is not a
 * plain printable token (CR, LF, spaces, parentheses, controls, 8-bit) is replaced, so they cannot
 * end the header early or inject another.
 */
final class TraceHeader {
    private static final int MAX_TOKEN = 255;

    private TraceHeader() {
    }

    /** The header followed by the stored bytes, unchanged. */
    static byte[] prepend(MessageId id, Envelope envelope, String hostname, byte[] content) {
        byte[] header = received(id, envelope, hostname).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + content.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(content, 0, out, header.length, content.length);
        return out;
    }

    static String received(MessageId id, Envelope envelope, String hostname) {
        StringBuilder h = new StringBuilder(200)
                .append("Received: from ").append(token(envelope.helo()))
                .append(" (").append(token(envelope.clientAddress())).append(")\r\n")
                .append("\tby ").append(token(hostname)).append(" (Tactgate) with ESMTP id ").append(id.value());
        if (envelope.recipients().size() == 1) {
            h.append("\r\n\tfor <").append(token(envelope.recipients().get(0))).append(">");
        }
        return h.append(";\r\n\t").append(MailDate.format(envelope.receivedAt())).append("\r\n").toString();
    }

    private static String token(String untrusted) {
        StringBuilder out = new StringBuilder(Math.min(untrusted.length(), MAX_TOKEN));
        for (int i = 0; i < untrusted.length() && out.length() < MAX_TOKEN; i++) {
            char c = untrusted.charAt(i);
            boolean plain = c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '\\' && c != ';';
            out.append(plain ? c : '_');
        }
        return out.isEmpty() ? "unknown" : out.toString();
    }
}
