package org.tactgate.inspect.model;

/** Who receives the passage: the model reads the same words differently for each. */
public enum Audience {
    /** Mail To the customer. */
    CUSTOMER("[unused10]"),
    /** Colleagues only. */
    INTERNAL("[unused11]"),
    /** Colleagues, with the customer copied. */
    INTERNAL_CC("[unused12]");

    private final String token;

    Audience(String token) {
        this.token = token;
    }

    /** The vocabulary token that tells the model the audience. */
    public String token() {
        return token;
    }
}
