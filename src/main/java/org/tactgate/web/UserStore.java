package org.tactgate.web;

import java.util.List;
import java.util.Optional;

/**
 * The console's user accounts and their API tokens, kept in the relay's database
 * ({@code web_users}, migration V3).
 *
 * <p>Order of calls: open after the message store has migrated the schema; {@link #isEmpty} and
 * {@link #add} at first start ({@link FirstAdmin}); {@link #find} on every login and
 * {@link #findByApiToken} on every API call; {@link #close} last.
 *
 * <p>Thread-safe. Every method throws {@link org.tactgate.store.StoreException} when the database
 * fails; {@link #add} throws {@link IllegalArgumentException} when the name is taken or invalid.
 */
public interface UserStore extends AutoCloseable {

    void add(Account account);

    Optional<Account> find(String name);

    List<Account> list();

    boolean isEmpty();

    /** Stores the SHA-256 (hex) of a user's new API token, replacing the old one; false if no such user. */
    boolean setApiTokenHash(String name, String tokenSha256Hex);

    Optional<Account> findByApiToken(String tokenSha256Hex);

    @Override
    void close();
}
