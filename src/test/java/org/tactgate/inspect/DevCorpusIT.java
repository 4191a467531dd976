package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Runs {@code check} over the labelled corpora next to the project (../shared/corpus); skipped when they are absent, see {@link SharedCorpora}. */
class DevCorpusIT {
    @Test
    void devCorpusRecallAndFalseHoldsMeetTheTarget() throws IOException {
        LabelledCorpus.Score s = LabelledCorpus.evaluate(SharedCorpora.corpus("dev"));
        assertThat(s.recall()).as("recall").isGreaterThanOrEqualTo(0.95);
        assertThat(s.falseHoldRate()).as("false-hold rate").isLessThanOrEqualTo(0.05);
    }

    @Test
    void realBusinessMailIsAlmostNeverHeld() throws IOException {
        assertThat(LabelledCorpus.evaluate(SharedCorpora.corpus("enron-dev")).falseHoldRate())
                .as("false-hold rate").isLessThanOrEqualTo(0.005);
    }
}
