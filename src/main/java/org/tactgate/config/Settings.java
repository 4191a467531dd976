package org.tactgate.config;

import java.nio.file.Path;

/** Everything the relay reads from its settings file, validated once at start and passed in. */
public record Settings(
        Path file,
        SmtpSettings smtp,
        StoreSettings store,
        DeliverySettings delivery,
        DirectorySettings directory,
        WebSettings web,
        InspectSettings inspect,
        PolicySettings policy,
        NotifySettings notices,
        RetentionSettings retention) {

    /** {@code web.listen}, kept as its own accessor because tools read it. */
    public HostPort webListen() {
        return web.listen();
    }
}
