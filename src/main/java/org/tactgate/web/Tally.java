package org.tactgate.web;

import java.util.Locale;

/**
 * What people decided about the holds of one detector or policy rule: senders' "Send anyway"
 * (an override) and "Don't send" (upheld), reviewers' release (override) and bounce (upheld).
 */
public record Tally(String name, long sendAnyway, long dontSend, long released, long bounced) {

    Tally plus(boolean sender, boolean overridden) {
        return new Tally(name, sendAnyway + (sender && overridden ? 1 : 0), dontSend + (sender && !overridden ? 1 : 0),
                released + (!sender && overridden ? 1 : 0), bounced + (!sender && !overridden ? 1 : 0));
    }

    public long decisions() {
        return sendAnyway + dontSend + released + bounced;
    }

    /** Share of decided holds that people overrode: the false-hold rate they experience. */
    public double falseHoldRate() {
        return decisions() == 0 ? 0 : (double) (sendAnyway + released) / decisions();
    }

    public String falseHoldPercent() {
        return String.format(Locale.ROOT, "%.0f%%", 100 * falseHoldRate());
    }
}
