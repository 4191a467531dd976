package org.tactgate.inspect;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tactgate.cli.CheckCommand;
import org.tactgate.config.SettingsLoader;
import org.tactgate.directory.Directory;
import org.tactgate.inspect.model.Passage;
import org.tactgate.mime.MessageParser;

/**
 * Writes the passages the learned reader would read in the PASS messages of labelled corpora, as
 * training lines with both labels 0 (src/train/README.md, "corpus negatives"): greetings, logistics,
 * warm words about customers, exactly as the relay cuts and marks them. Only our own, already
 * tuned-on corpora go in; the blind ones and enron-dev never do.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/classes:DEPS org.tactgate.inspect.ReaderPassagesDump OUT.jsonl CORPUS...}
 */
public final class ReaderPassagesDump {
    private ReaderPassagesDump() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int lines = 0;
        java.util.Set<String> written = new java.util.HashSet<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            for (int a = 1; a < args.length; a++) {
                Path corpus = Path.of(args[a]);
                String org = corpus.getFileName().toString();
                var settings = SettingsLoader.load(corpus.resolve("tactgate.properties"));
                DetectionInspector inspector = DetectionInspector.standard(Directory.of(settings.directory()),
                        Lexicon.load(Optional.empty()));
                List<String> labels = Files.readAllLines(corpus.resolve("labels.csv"), StandardCharsets.UTF_8);
                int n = 0;
                for (String row : labels.subList(1, labels.size())) {
                    String[] f = row.split(",", 3);
                    if (!f[1].equals("PASS")) {
                        continue;
                    }
                    byte[] content = Files.readAllBytes(corpus.resolve(f[0]));
                    var parsed = new MessageParser().parse(content);
                    MessageView view = inspector.view(parsed, CheckCommand.envelope(parsed));
                    for (SentenceView s : LearnedReader.chosen(view, Integer.MAX_VALUE, true)) {
                        Passage p = LearnedReader.passage(view, s);
                        if (!written.add(p.text())) {
                            continue; // training data holds each text once ("Thank you for your letter.")
                        }
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("id", "p-" + org + "-" + (++n));
                        line.put("org", org);
                        line.put("trade", "corpus");
                        line.put("lang", "en");
                        line.put("audience", switch (p.audience()) {
                            case CUSTOMER -> "customer";
                            case INTERNAL -> "internal";
                            case INTERNAL_CC -> "internal+cc";
                        });
                        line.put("text", p.text());
                        line.put("customer", p.mentions().stream().distinct().toList());
                        line.put("disparage", 0);
                        line.put("abuse", 0);
                        line.put("kind", "corpus-pass-sentence");
                        out.println(json.writeValueAsString(line));
                        lines++;
                    }
                }
            }
        }
        System.out.println(lines + " passages");
    }
}
