package org.tactgate.inspect.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed model, run by ONNX Runtime from Java, gives what the training run computed for the
 * same passages ({@code reader-golden.tsv}: the quantised model through ONNX's reference evaluator):
 * the same input ids from the Java encoder, and the same probabilities.
 */
class ReaderModelTest {
    private static ReaderModel model;

    @BeforeAll
    static void load() {
        model = ReaderModel.load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    record Golden(Passage passage, long[] ids, double disparage, double abuse) {
    }

    static List<Golden> golden() throws IOException {
        List<Golden> out = new ArrayList<>();
        for (String[] row : WordPieceTest.rows("/model/reader-golden.tsv")) {
            Audience audience = switch (row[0]) {
                case "customer" -> Audience.CUSTOMER;
                case "internal" -> Audience.INTERNAL;
                case "internal+cc" -> Audience.INTERNAL_CC;
                default -> throw new IllegalArgumentException("audience " + row[0]);
            };
            List<String> mentions = row[2].isEmpty() ? List.of()
                    : Arrays.stream(row[2].split("\\|", -1)).map(WordPieceTest::unescape).toList();
            long[] ids = Arrays.stream(row[3].trim().split(" ")).mapToLong(Long::parseLong).toArray();
            out.add(new Golden(new Passage(audience, WordPieceTest.unescape(row[1]), mentions), ids,
                    Double.parseDouble(row[4]), Double.parseDouble(row[5])));
        }
        return out;
    }

    @Test
    void encodesEachGoldenPassageAsTheTrainingRunDid() throws IOException {
        List<Golden> golden = golden();
        assertThat(golden).hasSizeGreaterThanOrEqualTo(20);
        for (Golden g : golden) {
            assertThat(model.encoder().encode(g.passage())).as(g.passage().text()).containsExactly(g.ids());
        }
    }

    @Test
    void scoresEachGoldenPassageAsTheTrainingRunDidAloneAndInABatch() throws IOException {
        List<Golden> golden = golden();
        List<ReaderModel.Scores> batch = model.score(golden.stream().map(Golden::passage).toList());
        for (int i = 0; i < golden.size(); i++) {
            Golden g = golden.get(i);
            ReaderModel.Scores alone = model.score(List.of(g.passage())).get(0);
            assertThat(alone.disparage()).as("disparage: " + g.passage().text()).isCloseTo(g.disparage(), within(2e-3));
            assertThat(alone.abuse()).as("abuse: " + g.passage().text()).isCloseTo(g.abuse(), within(2e-3));
            // padding to the longest passage of the batch must not change the answer
            assertThat(batch.get(i).disparage()).isCloseTo(alone.disparage(), within(1e-4));
            assertThat(batch.get(i).abuse()).isCloseTo(alone.abuse(), within(1e-4));
        }
    }

    @Test
    void theGoldenSetHoldsBothVerdictsSoTheComparisonMeansSomething() throws IOException {
        List<Golden> golden = golden();
        ReaderManifest m = model.manifest();
        assertThat(golden).anyMatch(g -> g.disparage() >= m.disparageThreshold());
        assertThat(golden).anyMatch(g -> g.abuse() >= m.abuseThreshold());
        assertThat(golden).anyMatch(g -> g.disparage() < m.disparageThreshold() && g.abuse() < m.abuseThreshold());
    }
}
