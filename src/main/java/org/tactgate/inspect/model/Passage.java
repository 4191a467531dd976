package org.tactgate.inspect.model;

import java.util.List;

/**
 * What the reader reads: a sentence or two of outgoing mail, who receives it, and the exact strings
 * in it that refer to the customer (a name, "the client", a pronoun resolved to the customer, "you").
 */
public record Passage(Audience audience, String text, List<String> mentions) {

    public Passage {
        mentions = List.copyOf(mentions);
    }
}
