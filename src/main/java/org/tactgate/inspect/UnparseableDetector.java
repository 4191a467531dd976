package org.tactgate.inspect;

import org.tactgate.message.Finding;
import java.util.List;

/** UNPARSEABLE: the bytes could not be read as a message, so nobody can vouch for them. */
public final class UnparseableDetector implements Detector {

    @Override
    public String symbol() {
        return "UNPARSEABLE";
    }

    @Override
    public String description() {
        return "the message could not be parsed; a person should look at it";
    }

    @Override
    public List<Finding> detect(MessageView view, List<Finding> earlier) {
        return view.message().problem()
                .map(p -> List.of(new Finding(name(), 1.0, "message", p, "the message could not be parsed")))
                .orElse(List.of());
    }
}
