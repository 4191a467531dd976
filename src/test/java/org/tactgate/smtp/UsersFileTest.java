package org.tactgate.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("users"), text);
    }

    private static String hash(String password) {
        return PasswordHash.hash(password.toCharArray(), 1000).toString();
    }

    @Test
    void verifyShouldAcceptKnownUserWithRightPasswordOnly() throws Exception {
        UsersFile users = UsersFile.load(write("# relay users\n\nalice:" + hash("wonderland") + "\n  bob : " + hash("builder") + "\n"));
        assertThat(users.size()).isEqualTo(2);
        assertThat(users.verify("alice", "wonderland".toCharArray())).isTrue();
        assertThat(users.verify("bob", "builder".toCharArray())).isTrue();
        assertThat(users.verify("alice", "builder".toCharArray())).isFalse();
        assertThat(users.verify("carol", "wonderland".toCharArray())).isFalse();
        assertThat(users.verify("Alice", "wonderland".toCharArray())).isFalse();
    }

    @Test
    void userNameMayBeAnEmailAddress() throws Exception {
        UsersFile users = UsersFile.load(write("scanner@northwind.example:" + hash("s3cret") + "\n"));
        assertThat(users.verify("scanner@northwind.example", "s3cret".toCharArray())).isTrue();
    }

    @Test
    void loadShouldNameFileAndLineOfALineWithoutColon() throws Exception {
        Path file = write("alice:" + hash("a") + "\n# comment\njust-a-name\n");
        assertThatThrownBy(() -> UsersFile.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 3").hasMessageContaining("user:hash");
    }

    @Test
    void loadShouldNameFileAndLineOfABadHash() throws Exception {
        Path file = write("alice:hunter2\n");
        assertThatThrownBy(() -> UsersFile.load(file))
                .hasMessageContaining(file.toString()).hasMessageContaining("line 1").hasMessageContaining("pbkdf2-sha256");
    }

    @Test
    void loadShouldRefuseAUserListedTwice() throws Exception {
        Path file = write("alice:" + hash("a") + "\nalice:" + hash("b") + "\n");
        assertThatThrownBy(() -> UsersFile.load(file)).hasMessageContaining("line 2").hasMessageContaining("twice");
    }

    @Test
    void loadShouldNameAMissingFile() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> UsersFile.load(missing))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(missing.toString());
    }
}
