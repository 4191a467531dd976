package org.tactgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tactgate.config.ConfigException;
import org.tactgate.config.Settings;
import org.tactgate.directory.Directory;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.mime.Address;
import org.tactgate.mime.MessageParser;
import org.tactgate.mime.ParsedMessage;
import org.tactgate.message.Decision;
import org.tactgate.policy.Policy;
import org.tactgate.policy.RulesFile;
import org.tactgate.message.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tactgate check}: classifies saved messages offline, exactly as the relay would, and
 * prints one line per message (DESIGN.md, "The check contract"). The envelope of a saved file is
 * its From header and its To, Cc, Bcc and X-Envelope-Bcc addresses. Exit 0 when every file was
 * read, 2 on a bad config (nothing checked) or when some file could not be read (the others are).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Classify saved .eml messages offline, as the relay would.")
public final class CheckCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;

    @CommandLine.Mixin
    ConfigOption config;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default) or text")
    Format format;

    @Option(names = "--reader", paramLabel = "on|off",
            description = "run the learned reader beside the rules, or not (default: the config's inspect.reader)")
    OnOff reader;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = ".eml files, or folders of them")
    List<Path> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A switch, written as the settings file writes switches. */
    enum OnOff { on, off }

    /** Output formats. */
    enum Format { jsonl, text }

    private final ObjectMapper json = new ObjectMapper();

    public static void main(String[] args) {
        System.exit(new CommandLine(new CheckCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings;
        MessageInspector inspector;
        Policy policy;
        try {
            settings = config.settings();
            Directory directory = Directory.of(settings.directory());
            inspector = Detection.inspector(settings, directory, reader == null ? settings.inspect().reader() : reader == OnOff.on);
            policy = Detection.policy(settings, directory);
        } catch (ConfigException | RulesFile.PolicyException | IllegalArgumentException | IllegalStateException
                 | java.io.UncheckedIOException e) {
            err.println("tactgate check: bad configuration: " + e.getMessage());
            return BAD_INPUT;
        }
        MessageParser parser = new MessageParser();
        boolean failed = false;
        for (Path input : inputs) {
            List<Path[]> files = new ArrayList<>();
            if (Files.isDirectory(input)) {
                try (Stream<Path> list = Files.list(input)) {
                    list.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted()
                            .forEach(p -> files.add(new Path[] {p, p.getFileName()}));
                } catch (IOException e) {
                    err.println("tactgate check: cannot list " + input + ": " + e.getMessage());
                    failed = true;
                }
            } else {
                files.add(new Path[] {input, input});
            }
            for (Path[] f : files) {
                byte[] content;
                try {
                    content = Files.readAllBytes(f[0]);
                } catch (IOException e) {
                    err.println("tactgate check: cannot read " + f[0] + ": " + e.getMessage());
                    failed = true;
                    continue;
                }
                Envelope envelope = envelope(parser.parse(content));
                Inspection inspection = inspector.inspect(envelope, content);
                Decision decision = policy.decide(envelope, inspection, content);
                out.println(format == Format.text ? text(f[1].toString(), decision) : jsonLine(f[1].toString(), decision));
                out.flush();
            }
        }
        return failed ? BAD_INPUT : 0;
    }

    /** The envelope of a saved message: its From, and its To, Cc, Bcc and X-Envelope-Bcc addresses. */
    public static Envelope envelope(ParsedMessage m) {
        Set<String> rcpts = new LinkedHashSet<>();
        Stream.of(m.to(), m.cc(), m.bcc()).flatMap(List::stream).map(Address::email).forEach(rcpts::add);
        if (rcpts.isEmpty()) {
            rcpts.add("undisclosed-recipients@invalid");
        }
        String sender = m.from().map(Address::email).orElse("");
        return new Envelope(sender, List.copyOf(rcpts), "127.0.0.1", "check", Optional.empty(), Instant.now());
    }

    private String jsonLine(String file, Decision decision) {
        ObjectNode o = json.createObjectNode();
        o.put("file", file);
        o.put("verdict", decision.verdict().name());
        o.put("rule", decision.rule());
        ArrayNode findings = o.putArray("findings");
        for (Finding f : decision.inspection().findings()) {
            findings.addObject().put("detector", f.detector()).put("symbol", f.symbol()).put("score", f.score()).put("part", f.part())
                    .put("evidence", f.evidence()).put("reason", f.reason());
        }
        return o.toString();
    }

    private static String text(String file, Decision decision) {
        StringBuilder b = new StringBuilder();
        b.append(decision.verdict()).append("  ").append(file).append("  (").append(decision.rule()).append(")\n");
        for (Finding f : decision.inspection().findings()) {
            b.append(String.format("    %-14s %.2f  [%s]  %s  (%s)%n", f.detector(), f.score(), f.part(), f.reason(), f.symbol()));
            b.append("        ").append(highlight(f)).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** Marks the words the reason quotes inside the evidence sentence: »like this«. */
    static String highlight(Finding f) {
        int q = f.reason().indexOf('"');
        int q2 = q < 0 ? -1 : f.reason().indexOf('"', q + 1);
        if (q2 > q + 1) {
            String words = f.reason().substring(q + 1, q2);
            int at = f.evidence().toLowerCase(java.util.Locale.ROOT).replace('’', '\'').indexOf(words);
            if (at >= 0) {
                return f.evidence().substring(0, at) + "»" + f.evidence().substring(at, at + words.length()) + "«"
                        + f.evidence().substring(at + words.length());
            }
        }
        return "»" + f.evidence() + "«";
    }
}
