package org.tactgate.smtp;

/** A message that could not be accepted, with the SMTP reply to give. */
public final class IntakeException extends Exception {
    private final int code;
    private final String enhancedCode;

    public IntakeException(int code, String enhancedCode, String message, Throwable cause) {
        super(message, cause);
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("not a failure reply code: " + code);
        }
        this.code = code;
        this.enhancedCode = enhancedCode;
    }

    public static IntakeException temporary(String message, Throwable cause) {
        return new IntakeException(451, "4.3.0", message, cause);
    }

    public static IntakeException permanent(String message) {
        return new IntakeException(550, "5.7.1", message, null);
    }

    public int code() { return code; }

    public String enhancedCode() { return enhancedCode; }

    public boolean isTemporary() { return code < 500; }

    /** The full reply line, e.g. {@code 451 4.3.0 store unavailable, try again later}. */
    public String reply() {
        return code + " " + enhancedCode + " " + getMessage();
    }
}
