package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code check} over the held-out synthetic corpus in src/test/resources/corpus: a B2B
 * software vendor's mail in voices unlike the hotel development corpus (terse, American, British,
 * non-native, emoji, lower-case chat), written before the rules were tuned on it.
 */
class HeldoutCorpusIT {
    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus", "heldout-synthetic");

    @Test
    void heldoutSyntheticCorpusRecallAndFalseHoldsMeetTheTarget() throws IOException {
        LabelledCorpus.Score s = LabelledCorpus.evaluate(CORPUS);
        assertThat(s.recall()).as("recall").isGreaterThanOrEqualTo(0.9);
        assertThat(s.falseHoldRate()).as("false-hold rate").isLessThanOrEqualTo(0.05);
    }
}
