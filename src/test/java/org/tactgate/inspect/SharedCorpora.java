package org.tactgate.inspect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The labelled corpora that live beside the project ({@code ../shared/corpus}), not in it. A fresh
 * clone of the project alone does not have them, so tests that read them skip with a message
 * saying where they looked; CI sets {@code TACTGATE_REQUIRE_SHARED=true} and then a missing corpus
 * fails the run instead of skipping it.
 */
final class SharedCorpora {
    static final String REQUIRE = "TACTGATE_REQUIRE_SHARED";

    private SharedCorpora() {
    }

    /** The corpus folder {@code name}, or the test is skipped (failed, under CI) when it is absent. */
    static Path corpus(String name) {
        Path dir = Path.of("..", "shared", "corpus", name).toAbsolutePath().normalize();
        boolean present = Files.isRegularFile(dir.resolve("labels.csv"));
        if (!present && Boolean.parseBoolean(System.getenv(REQUIRE))) {
            throw new AssertionError("labelled corpus not found: " + dir + " (" + REQUIRE + "=true)");
        }
        assumeTrue(present, () -> "skipped: labelled corpus " + dir + " is not beside this checkout");
        return dir;
    }
}
