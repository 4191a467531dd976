package org.tactgate.inspect;

import org.tactgate.message.Finding;
import java.util.List;
import org.tactgate.mime.TextBlock;

/**
 * UNPARSEABLE: the bytes could not be read as a message, so nobody can vouch for them.
 * UNPARSEABLE_LANGUAGE: the message parsed, but its author's text is in a language the detectors
 * do not read ({@link UnreadLanguage}), so a PASS says nothing about it. Recorded below the
 * default threshold, so it holds nothing by itself: the verdict, the audit and the metrics say
 * that detection did not read the mail, and a site that wants such mail looked at writes a rule
 * for it (docs/policy.md).
 */
public final class UnparseableDetector implements Detector {
    /** Below every default threshold: reported, not held. */
    static final double UNREAD = 0.3;

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
        if (view.message().problem().isPresent()) {
            return List.of(new Finding(name(), 1.0, "message", view.message().problem().get(), "the message could not be parsed"));
        }
        List<SentenceView> sentences = view.sentences();
        return UnreadLanguage.in(sentences)
                .map(why -> List.of(sentences.stream().filter(s -> s.block().kind() == TextBlock.Kind.AUTHOR)
                        .findFirst().orElseThrow().finding(name(), "UNPARSEABLE_LANGUAGE", UNREAD, why)))
                .orElse(List.of());
    }
}
