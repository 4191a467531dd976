package org.tactgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tactgate.cli.CheckCommand;
import org.tactgate.config.SettingsLoader;
import org.tactgate.directory.Directory;
import org.tactgate.inspect.DetectionInspector;
import org.tactgate.inspect.LearnedReader;
import org.tactgate.inspect.Lexicon;
import org.tactgate.message.Envelope;
import org.tactgate.message.Inspection;
import org.tactgate.mime.MessageParser;

/**
 * DetectionInspector on real business mail: every message of {@code ../shared/corpus/enron-dev}
 * (quoted history, pasted documents, forwarded news) in turn, with the site settings of that
 * corpus, rules alone and with the learned reader (its cache on, and off: the benchmark cycles
 * through the same 799 messages, so with the cache every passage is read once and then remembered). One operation = one message; the mean over
 * the corpus is what a relay pays per real message. Run with {@code bench/inspect.sh RealMail}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RealMailBenchmark {
    private static final Path CORPUS = Path.of(System.getProperty("tactgate.bench.corpus", "../shared/corpus/enron-dev"));

    /** off: rules alone; on: with the reader and its cache; cold: with the reader, nothing remembered. */
    @Param({"off", "on", "cold"})
    public String reader;

    private final List<byte[]> messages = new ArrayList<>();
    private final List<Envelope> envelopes = new ArrayList<>();
    private DetectionInspector inspector;
    private int next;

    @Setup
    public void load() throws IOException {
        var settings = SettingsLoader.load(CORPUS.resolve("tactgate.properties"));
        Directory directory = Directory.of(settings.directory());
        inspector = DetectionInspector.standard(directory, Lexicon.load(Optional.empty()),
                switch (reader) {
                    case "on" -> Optional.of(LearnedReader.standard(16, false));
                    case "cold" -> Optional.of(LearnedReader.standard(16, false, 0));
                    default -> Optional.empty();
                });
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                byte[] content = Files.readAllBytes(f);
                messages.add(content);
                envelopes.add(CheckCommand.envelope(new MessageParser().parse(content)));
            }
        }
        if (messages.isEmpty()) {
            throw new IllegalStateException("no .eml files in " + CORPUS.toAbsolutePath());
        }
    }

    @Benchmark
    public Inspection inspect() {
        int i = next;
        next = (next + 1) % messages.size();
        return inspector.inspect(envelopes.get(i), messages.get(i));
    }
}
