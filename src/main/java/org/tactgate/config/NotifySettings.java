package org.tactgate.config;

import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Optional;

/**
 * Notice settings ({@code notify.*}, {@code web.base-url}).
 *
 * @param secretFile     the HMAC key of one-click links; created with a random key if missing
 * @param from           the From address of notices
 * @param reviewers      who reviews quarantined mail (besides those a rule names)
 * @param digestInterval empty: reviewers get one notice per message; else a digest this often
 * @param baseUrl        where links in notices point ({@code web.base-url})
 */
public record NotifySettings(Path secretFile, String from, List<String> reviewers, Optional<Duration> digestInterval,
                             String baseUrl) {

    public NotifySettings {
        reviewers = List.copyOf(reviewers);
    }
}
