package org.tactgate.delivery;

import java.util.List;
import java.util.Optional;
import org.tactgate.store.DeliveryOutcome.RecipientResult;
import org.tactgate.store.RecipientStatus.State;

/**
 * What one attempt achieved: a result for every recipient of the {@link Attempt}, and the
 * attempt-wide error (connection refused, timeout, 5xx after DATA) when there was one.
 */
public record AttemptResult(List<RecipientResult> results, Optional<String> error) {

    public AttemptResult {
        results = List.copyOf(results);
    }

    /** Every recipient in the same state with the same reply. */
    static AttemptResult all(List<String> recipients, State state, String reply, Optional<String> error) {
        return new AttemptResult(
                recipients.stream().map(r -> new RecipientResult(r, state, reply)).toList(), error);
    }
}
