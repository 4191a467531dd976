package org.tactgate.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tactgate.store.RecipientStatus.State;

/**
 * The upstream when {@code upstream.host} is empty: each attempt becomes two files in the outbox,
 * {@code <id>.envelope.json} ({@code {"id", "sender", "recipients"}}, the null sender as {@code ""})
 * and then {@code <id>.eml}, the bytes that would have gone upstream. Each is written durably and
 * atomically; the {@code .eml} comes last so a reader that sees it finds its envelope beside it.
 * Every recipient is then DELIVERED. A retry of the same id replaces both files.
 *
 * <p>Thread-safe (it holds no state), though the queue still makes one per worker.
 */
public final class OutboxUpstream implements Upstream {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path outbox;

    public OutboxUpstream(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public AttemptResult attempt(Attempt attempt) {
        String id = attempt.id().value();
        try {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("id", id);
            envelope.put("sender", attempt.sender());
            envelope.put("recipients", attempt.recipients());
            DurableFile.write(outbox.resolve(id + ".envelope.json"), JSON.writeValueAsBytes(envelope));
            DurableFile.write(outbox.resolve(id + ".eml"), attempt.content());
            return AttemptResult.all(attempt.recipients(), State.DELIVERED,
                    "250 2.0.0 written to " + outbox.resolve(id + ".eml"), Optional.empty());
        } catch (IOException e) {
            String reply = "4.3.0 cannot write to outbox " + outbox + ": " + e;
            return AttemptResult.all(attempt.recipients(), State.PENDING, reply, Optional.of(reply));
        }
    }

    @Override
    public void close() {
    }
}
