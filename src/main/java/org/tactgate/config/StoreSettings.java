package org.tactgate.config;

import java.util.Optional;

/** Store settings ({@code store.*}): a JDBC URL, {@code jdbc:sqlite:} or {@code jdbc:postgresql:}. */
public record StoreSettings(String url, Optional<String> username, Optional<String> password) {

    public boolean isPostgres() { return url.startsWith("jdbc:postgresql:"); }
}
