package org.tactgate.mime;

import java.util.List;
import java.util.Optional;

/**
 * A message as the detectors read it. When the bytes could not be parsed, {@link #problem()}
 * says why and the other fields hold whatever could be salvaged (often nothing).
 *
 * @param bcc Bcc header addresses plus any {@code X-Envelope-Bcc} addresses
 */
public record ParsedMessage(
        Optional<String> problem,
        String subject,
        Optional<Address> from,
        List<Address> to,
        List<Address> cc,
        List<Address> bcc,
        List<TextBlock> blocks) {

    public ParsedMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        blocks = List.copyOf(blocks);
    }

    public static ParsedMessage unparseable(String why) {
        return new ParsedMessage(Optional.of(why), "", Optional.empty(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean parsed() {
        return problem.isEmpty();
    }

    /** Blocks of one kind, in message order. */
    public List<TextBlock> blocks(TextBlock.Kind kind) {
        return blocks.stream().filter(b -> b.kind() == kind).toList();
    }
}
