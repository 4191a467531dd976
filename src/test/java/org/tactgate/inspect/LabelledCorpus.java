package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tactgate.cli.CheckCommand;
import org.tactgate.message.Verdict;
import picocli.CommandLine;

/** Runs {@code check} over a labelled corpus (format: ../shared/corpus/README.md) and scores it. */
final class LabelledCorpus {

    /** Share of HOLD messages stopped, and share of PASS messages stopped. */
    record Score(double recall, double falseHoldRate) {
    }

    private LabelledCorpus() {
    }

    static Score evaluate(Path corpus) throws IOException {
        Path labels = corpus.resolve("labels.csv");
        if (!Files.isRegularFile(labels)) {
            fail("labelled corpus not found: looked for " + labels.toAbsolutePath().normalize());
        }
        Map<String, String> expected = new HashMap<>();
        List<String> rows = Files.readAllLines(labels);
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",", 3);
            expected.put(f[0], f[1]);
        }
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new CheckCommand());
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute("--config", corpus.resolve("tactgate.properties").toString(), corpus.toString());
        assertThat(code).isZero();
        ObjectMapper json = new ObjectMapper();
        int holds = 0;
        int caught = 0;
        int passes = 0;
        int falseHolds = 0;
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(expected.size());
        for (String l : lines) {
            var o = json.readTree(l);
            boolean held = Verdict.valueOf(o.get("verdict").asText()).stops();
            if ("HOLD".equals(expected.get(o.get("file").asText()))) {
                holds++;
                caught += held ? 1 : 0;
            } else {
                passes++;
                falseHolds += held ? 1 : 0;
            }
        }
        return new Score(holds == 0 ? 1.0 : (double) caught / holds, passes == 0 ? 0 : (double) falseHolds / passes);
    }
}
