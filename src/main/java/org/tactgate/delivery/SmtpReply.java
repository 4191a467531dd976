package org.tactgate.delivery;

/**
 * One reply from the upstream, flattened to a single line for logs, recipient status and DSNs.
 * Code {@code -1} means the connection ended without a reply.
 */
record SmtpReply(int code, String text) {

    static final int NO_REPLY = -1;

    static SmtpReply of(int code, String text) {
        String line = text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip();
        if (line.isEmpty()) {
            line = code == NO_REPLY ? "connection closed by upstream" : String.valueOf(code);
        }
        return new SmtpReply(code, line);
    }

    boolean isPositive() {
        return code >= 200 && code < 400;
    }

    boolean isPermanent() {
        return code >= 500 && code < 600;
    }

    /** The server is going away (421) or already gone: the connection must not be reused. */
    boolean closesConnection() {
        return code == NO_REPLY || code == 421;
    }

    @Override
    public String toString() {
        return text;
    }
}
