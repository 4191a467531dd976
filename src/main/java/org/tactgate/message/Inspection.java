package org.tactgate.message;

import java.util.List;

/** What the inspectors found in one message. */
public record Inspection(List<Finding> findings) {
    public static final Inspection NOTHING = new Inspection(List.of());

    public Inspection {
        findings = List.copyOf(findings);
    }
}
