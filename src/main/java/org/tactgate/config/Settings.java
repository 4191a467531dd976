package org.tactgate.config;

import java.nio.file.Path;

/** Everything the relay reads from its settings file, validated once at start and passed in. */
public record Settings(
        Path file,
        SmtpSettings smtp,
        StoreSettings store,
        DeliverySettings delivery,
        DirectorySettings directory,
        HostPort webListen,
        InspectSettings inspect,
        PolicySettings policy,
        NotifySettings notices,
        RetentionSettings retention) {
}
