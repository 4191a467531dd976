package org.tactgate.smtp;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Who may hand us mail: an authenticated client always; a client inside {@code smtp.allowed-networks}
 * unless {@code smtp.auth.required}; nobody else. Asked at each RCPT. Immutable and thread-safe.
 */
final class RelayPolicy {
    static final String AUTH_REQUIRED = "530 5.7.0 Authentication required";
    static final String RELAY_DENIED = "554 5.7.1 Relay access denied";

    private final NetworkList allowedNetworks;
    private final boolean authAvailable;
    private final boolean authRequired;

    RelayPolicy(NetworkList allowedNetworks, boolean authAvailable, boolean authRequired) {
        this.allowedNetworks = allowedNetworks;
        this.authAvailable = authAvailable;
        this.authRequired = authRequired;
    }

    /** The refusal reply for this client, or empty when it may send. */
    Optional<String> refusal(InetAddress client, boolean authenticated) {
        if (authenticated || (!authRequired && allowedNetworks.contains(client))) {
            return Optional.empty();
        }
        // Pointing at AUTH only makes sense when the client could actually authenticate.
        return Optional.of(authAvailable ? AUTH_REQUIRED : RELAY_DENIED);
    }
}
