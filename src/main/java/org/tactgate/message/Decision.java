package org.tactgate.message;

/** The policy's verdict on one message, the rule that chose it, and the findings behind it. */
public record Decision(Verdict verdict, String rule, Inspection inspection) {

    public static Decision pass(Inspection inspection) {
        return new Decision(Verdict.PASS, "default", inspection);
    }
}
