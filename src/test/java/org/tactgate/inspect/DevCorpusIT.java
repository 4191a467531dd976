package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tactgate.cli.CheckCommand;
import picocli.CommandLine;

/** Runs {@code check} over the labelled corpora next to the project (../shared/corpus). */
class DevCorpusIT {
    private static final Path CORPORA = Path.of("..", "shared", "corpus");

    @Test
    void devCorpusRecallAndFalseHoldsMeetTheTarget() throws IOException {
        double[] r = evaluate(CORPORA.resolve("dev"));
        assertThat(r[0]).as("recall").isGreaterThanOrEqualTo(0.95);
        assertThat(r[1]).as("false-hold rate").isLessThanOrEqualTo(0.05);
    }

    @Test
    void realBusinessMailIsAlmostNeverHeld() throws IOException {
        assertThat(evaluate(CORPORA.resolve("enron-dev"))[1]).as("false-hold rate").isLessThanOrEqualTo(0.01);
    }

    /** {recall, false-hold rate} of check's verdicts against labels.csv. */
    private static double[] evaluate(Path corpus) throws IOException {
        if (!Files.isRegularFile(corpus.resolve("labels.csv"))) {
            fail("labelled corpus not found: looked for " + corpus.toAbsolutePath().normalize().resolve("labels.csv"));
        }
        Map<String, String> expected = new HashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("labels.csv")).subList(1, Files.readAllLines(corpus.resolve("labels.csv")).size())) {
            String[] f = line.split(",", 3);
            expected.put(f[0], f[1]);
        }
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new CheckCommand());
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute("--config", corpus.resolve("tactgate.properties").toString(), corpus.toString());
        assertThat(code).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        int holds = 0, caught = 0, passes = 0, falseHolds = 0;
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(expected.size());
        for (String l : lines) {
            var o = json.readTree(l);
            boolean held = org.tactgate.policy.Verdict.valueOf(o.get("verdict").asText()).stops();
            if ("HOLD".equals(expected.get(o.get("file").asText()))) {
                holds++;
                caught += held ? 1 : 0;
            } else {
                passes++;
                falseHolds += held ? 1 : 0;
            }
        }
        return new double[] {holds == 0 ? 1.0 : (double) caught / holds, passes == 0 ? 0 : (double) falseHolds / passes};
    }
}
