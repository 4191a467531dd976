package org.tactgate.config;

import java.nio.file.Path;

/**
 * Everything the relay reads from its settings file, validated once at start and passed in.
 *
 * @param source the file and the line of each key, for errors found after loading
 */
public record Settings(
        SettingsFile source,
        SmtpSettings smtp,
        StoreSettings store,
        DeliverySettings delivery,
        DirectorySettings directory,
        WebSettings web,
        InspectSettings inspect,
        PolicySettings policy,
        NotifySettings notices,
        RetentionSettings retention) {

    /** The settings file. */
    public Path file() {
        return source.file();
    }

    /** {@code web.listen}, kept as its own accessor because tools read it. */
    public HostPort webListen() {
        return web.listen();
    }
}
