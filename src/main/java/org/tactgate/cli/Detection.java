package org.tactgate.cli;

import org.tactgate.config.Settings;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.policy.Policy;

/** Builds the inspector and policy the relay and {@code check} share, so both judge alike. */
final class Detection {
    private Detection() {
    }

    static MessageInspector inspector(Settings settings) {
        return MessageInspector.PASS_THROUGH;
    }

    static Policy policy(Settings settings) {
        return Policy.PASS_ALL;
    }
}
