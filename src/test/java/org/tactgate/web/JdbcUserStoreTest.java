package org.tactgate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.config.StoreSettings;
import org.tactgate.smtp.PasswordHash;
import org.tactgate.store.JdbcMessageStore;
import org.tactgate.store.MessageStore;

/** The accounts table on both back ends, opened beside the message store that migrated it. */
class JdbcUserStoreTest {
    @TempDir
    Path dir;

    @Test
    void sqliteShouldKeepUsersAndTokens() {
        check(new StoreSettings("jdbc:sqlite:" + dir.resolve("t.db"), Optional.empty(), Optional.empty()));
    }

    @Test
    void postgresqlShouldKeepUsersAndTokens() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/test";
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS web_users_test CASCADE");
                st.execute("CREATE SCHEMA web_users_test");
            }
        } catch (java.sql.SQLException e) {
            if (System.getenv("TACTGATE_REQUIRE_POSTGRES") != null) {
                throw e;
            }
            org.junit.jupiter.api.Assumptions.abort("PostgreSQL not reachable on 127.0.0.1:5432: " + e.getMessage());
        }
        check(new StoreSettings(url + "?currentSchema=web_users_test", Optional.of("postgres"), Optional.empty()));
    }

    private static void check(StoreSettings settings) {
        try (MessageStore ignored = JdbcMessageStore.open(settings); UserStore users = JdbcUserStore.open(settings)) {
            assertThat(users.isEmpty()).isTrue();
            users.add(new Account("rita", Role.REVIEWER, PasswordHash.hash("pw-rita-123".toCharArray(), 1000)));
            assertThatThrownBy(() -> users.add(new Account("rita", Role.ADMIN, PasswordHash.hash("x".toCharArray(), 1000))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
            assertThatThrownBy(() -> users.add(new Account("bad name'--", Role.ADMIN, PasswordHash.hash("x".toCharArray(), 1000))))
                    .isInstanceOf(IllegalArgumentException.class);
            Account rita = users.find("rita").orElseThrow();
            assertThat(rita.role()).isEqualTo(Role.REVIEWER);
            assertThat(rita.password().verify("pw-rita-123".toCharArray())).isTrue();
            assertThat(users.find("nobody")).isEmpty();

            String token = ApiTokens.issue(users, "rita").orElseThrow();
            assertThat(users.findByApiToken(Secrets.sha256Hex(token)).map(Account::name)).contains("rita");
            String newer = ApiTokens.issue(users, "rita").orElseThrow();
            assertThat(users.findByApiToken(Secrets.sha256Hex(token))).as("old token replaced").isEmpty();
            assertThat(users.findByApiToken(Secrets.sha256Hex(newer))).isPresent();
            assertThat(ApiTokens.issue(users, "nobody")).isEmpty();

            assertThat(FirstAdmin.ensure(users)).as("users exist: no admin made").isEmpty();
            assertThat(users.list()).extracting(Account::name).containsExactly("rita");
        }
    }
}
