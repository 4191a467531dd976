package org.tactgate.smtp;

/** Why the text after DATA cannot be accepted, whatever its content, with the reply to give. */
enum DataFault {
    /** More bytes than {@code smtp.max-message-size}. */
    TOO_LARGE("552 5.3.4 Message size exceeds fixed limit"),
    /** A CR or LF that is not part of a CRLF pair: the raw material of SMTP smuggling. */
    BARE_NEWLINE("554 5.5.2 bare LF/CR not allowed");

    private final String reply;

    DataFault(String reply) {
        this.reply = reply;
    }

    String reply() {
        return reply;
    }
}
