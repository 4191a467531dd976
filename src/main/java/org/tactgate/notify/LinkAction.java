package org.tactgate.notify;

import java.util.Optional;

/** What a one-click link does; {@link #word} is how the token names it. */
public enum LinkAction {
    /** The sender's "Send anyway". */
    SEND("send", "Send anyway"),
    /** The sender's "Don't send". */
    CANCEL("cancel", "Don't send"),
    /** The sender's "Send without the customer" (exposure holds). */
    SEND_WITHOUT_CUSTOMER("without", "Send without the customer"),
    /** The approver's approval. */
    APPROVE("approve", "Approve and send"),
    /** A reviewer's release. */
    RELEASE("release", "Release"),
    /** A reviewer's bounce back to the sender. */
    BOUNCE("bounce", "Return to sender");

    private final String word;
    private final String label;

    LinkAction(String word, String label) {
        this.word = word;
        this.label = label;
    }

    public String word() {
        return word;
    }

    /** The button's text. */
    public String label() {
        return label;
    }

    public static Optional<LinkAction> ofWord(String word) {
        for (LinkAction a : values()) {
            if (a.word.equals(word)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
