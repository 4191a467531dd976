package org.tactgate.message;

/** What happens to a message (DESIGN.md, the {@code check} contract). */
public enum Verdict {
    PASS, TAG, HOLD, QUARANTINE, BOUNCE, REJECT;

    /** True when the verdict stops the mail for a human or returns it. */
    public boolean stops() {
        return this != PASS && this != TAG;
    }
}
