package org.tactgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.cli.Main;
import org.tactgate.config.StoreSettings;
import org.tactgate.store.JdbcMessageStore;

/** {@code tactgate user add/token/list}, and the first-start admin. */
class UserCommandTest {
    @TempDir
    Path dir;

    private String run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return code + ":" + captured.toString(StandardCharsets.UTF_8).strip();
        } finally {
            System.setIn(in);
            System.setOut(out);
        }
    }

    @Test
    void userAddShouldStoreAHashedPasswordThatLogsIn() throws Exception {
        Path config = dir.resolve("tactgate.properties");
        Files.writeString(config, "store.url = jdbc:sqlite:data/t.db\n");
        String cfg = config.toString();
        assertThat(run("a-long-password\n", "user", "add", "rita", "--role", "reviewer", "--config", cfg))
                .isEqualTo("0:added reviewer rita");
        assertThat(run("short\n", "user", "add", "tom", "--role", "admin", "--config", cfg)).startsWith("2:");
        assertThat(run("a-long-password\n", "user", "add", "tom", "--role", "boss", "--config", cfg)).startsWith("2:");
        assertThat(run("a-long-password\n", "user", "add", "rita", "--role", "admin", "--config", cfg)).startsWith("1:");
        assertThat(run("", "user", "list", "--config", cfg)).isEqualTo("0:rita\treviewer");
        String token = run("", "user", "token", "rita", "--config", cfg);
        assertThat(token).startsWith("0:tg_");

        StoreSettings s = new StoreSettings("jdbc:sqlite:" + dir.resolve("data/t.db"), Optional.empty(), Optional.empty());
        try (var ignored = JdbcMessageStore.open(s); UserStore users = JdbcUserStore.open(s)) {
            Account rita = users.find("rita").orElseThrow();
            assertThat(rita.password().verify("a-long-password".toCharArray())).isTrue();
            assertThat(rita.password().iterations()).isEqualTo(org.tactgate.smtp.PasswordHash.DEFAULT_ITERATIONS);
            assertThat(users.findByApiToken(Secrets.sha256Hex(token.substring(2)))).isPresent();
        }
    }

    @Test
    void firstStartShouldCreateAnAdminOnce() {
        StoreSettings s = new StoreSettings("jdbc:sqlite:" + dir.resolve("f.db"), Optional.empty(), Optional.empty());
        try (var ignored = JdbcMessageStore.open(s); UserStore users = JdbcUserStore.open(s)) {
            String password = FirstAdmin.ensure(users).orElseThrow();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            Account admin = users.find("admin").orElseThrow();
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(admin.password().verify(password.toCharArray())).isTrue();
            assertThat(FirstAdmin.ensure(users)).isEmpty();
        }
    }
}
