package org.tactgate.message;

import java.security.SecureRandom;

/**
 * A stored message's id: time-ordered, unguessable, safe in file names, URLs and SMTP replies
 * ({@code 250 2.0.0 Ok: queued as <id>}). 9 base-36 digits of milliseconds, 13 of randomness.
 */
public record MessageId(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public MessageId {
        if (!value.matches("[0-9a-z]{10,40}")) {
            throw new IllegalArgumentException("not a message id: " + value);
        }
    }

    public static MessageId next() {
        String time = pad(Long.toString(System.currentTimeMillis(), 36), 9);
        String random = pad(Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36), 13);
        return new MessageId(time + random);
    }

    private static String pad(String s, int width) {
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    @Override
    public String toString() {
        return value;
    }
}
