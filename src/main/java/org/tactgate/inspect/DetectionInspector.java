package org.tactgate.inspect;

import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.directory.Customer;
import org.tactgate.directory.Directory;
import org.tactgate.directory.Reference;
import org.tactgate.mime.MessageParser;
import org.tactgate.mime.ParsedMessage;
import org.tactgate.message.Envelope;

/**
 * The detection pipeline: parse the bytes once, build a {@link MessageView}, run every
 * {@link Detector} in order and collect their findings. Thread-safe: the only shared mutable
 * state is a cache of the directory's name matcher, replaced whole when the customers file changes.
 *
 * <p>SECURITY: content is untrusted; parsing never throws, and a detector that fails on odd input
 * yields an {@code unparseable} finding (the message is held for a person) rather than an exception.
 */
public final class DetectionInspector implements MessageInspector {
    private static final Logger log = LoggerFactory.getLogger(DetectionInspector.class);

    private final Directory directory;
    private final Lexicon lexicon;
    private final List<Detector> detectors;
    private final Optional<LearnedReader> reader;
    private final MessageParser parser = new MessageParser();
    private volatile NameIndex names = new NameIndex(List.of(), new PhraseMatcher<>(List.of()));

    private record NameIndex(List<Reference> source, PhraseMatcher<Customer> matcher) {
    }

    public DetectionInspector(Directory directory, Lexicon lexicon, List<Detector> detectors) {
        this(directory, lexicon, detectors, Optional.empty());
    }

    /**
     * @param reader the learned reader the disparagement and blame detectors consult beside their
     *               rules, or empty for rules alone
     */
    public DetectionInspector(Directory directory, Lexicon lexicon, List<Detector> detectors, Optional<LearnedReader> reader) {
        this.directory = directory;
        this.lexicon = lexicon;
        this.detectors = List.copyOf(detectors);
        this.reader = reader;
        // the word lists take ~0.5 s to read: at start-up, not inside the first message's SMTP session
        CommonWords.warm();
    }

    /** The standard rule set (unparseable, disparagement, exposure, blame), rules alone. */
    public static DetectionInspector standard(Directory directory, Lexicon lexicon) {
        return standard(directory, lexicon, Optional.empty());
    }

    /** The standard rule set, with the learned reader beside the rules when one is given. */
    public static DetectionInspector standard(Directory directory, Lexicon lexicon, Optional<LearnedReader> reader) {
        return new DetectionInspector(directory, lexicon, List.of(new UnparseableDetector(),
                new DisparagementDetector(lexicon), new ExposureDetector(lexicon), new BlameDetector(lexicon)), reader);
    }

    public List<Detector> detectors() {
        return detectors;
    }

    @Override
    public Inspection inspect(Envelope envelope, byte[] content) {
        ParsedMessage message = parser.parse(content);
        List<Finding> findings = new ArrayList<>();
        try {
            MessageView view = view(message, envelope);
            for (Detector d : detectors) {
                findings.addAll(d.detect(view, findings));
            }
        } catch (RuntimeException e) {
            log.warn("detection failed on a message from {}: {}", envelope.sender(), e.toString());
            findings.add(new Finding("unparseable", Finding.DETECTION_FAILED, 1.0, "message", e.toString(),
                    "detection failed on this message", Finding.Span.NONE));
        }
        return new Inspection(findings);
    }

    /** The analysis every detector reads (package-private for tests of what it resolves). */
    MessageView view(ParsedMessage message, Envelope envelope) {
        return new MessageView(message, envelope, directory, nameMatcher(), lexicon, reader);
    }

    private PhraseMatcher<Customer> nameMatcher() {
        List<Reference> current = directory.references();
        NameIndex index = names;
        if (index.source != current) {
            index = new NameIndex(current, new PhraseMatcher<>(current.stream()
                    .map(r -> new PhraseMatcher.Phrase<>(r.phrase(), r.customer(), r.caseSensitive())).toList()));
            names = index;
        }
        return index.matcher;
    }
}
