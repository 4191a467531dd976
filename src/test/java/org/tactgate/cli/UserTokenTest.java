package org.tactgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tactgate user token} for a name with no account, on a SQLite store in a temp folder
 * (the rest of {@code user} is in {@code web.UserCommandTest}).
 */
class UserTokenTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void tokenShouldSayHowToAddTheUserWhenTheUserDoesNotExist() throws Exception {
        String config = SqliteSite.in(dir).config();

        int exit = Main.run(Map.of(), "user", "token", "rita", "--config", config);

        assertThat(exit).as("a usage error, as for an unknown id").isEqualTo(2);
        assertThat(console.out()).isEmpty();
        assertThat(console.tactgateLines()).containsExactly("tactgate: no user rita; add one with: tactgate user add rita"
                + " --role reviewer|admin --config " + config);
    }
}
