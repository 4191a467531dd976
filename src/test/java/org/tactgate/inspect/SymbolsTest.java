package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tactgate.message.Finding;

/** Every symbol is registered, documented, and (where text can trigger it) has a case that fires and one that must not. */
class SymbolsTest {
    private static final String TO_CUSTOMER = "To: Oscar Delgado <oscar.d@mailbox.example>";
    private static final String TO_COLLEAGUE = "To: Tom Reyes <tom@globex.example>";
    private static final String CC_CUSTOMER = "Cc: Oscar Delgado <oscar.d@mailbox.example>";

    record Example(String symbol, boolean fire, String to, String body) {
        @Override
        public String toString() {
            return symbol + (fire ? " fires: " : " quiet: ") + body;
        }
    }

    static List<Example> examples() throws IOException {
        try (var in = Objects.requireNonNull(SymbolsTest.class.getResourceAsStream("/symbols/examples.tsv"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", 4))
                    // "\n" in a body is a line break: quoted history needs lines of its own
                    .map(f -> new Example(f[0], f[1].equals("fire"), f[2], f[3].replace("\\n", "\n"))).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void eachSymbolFiresOnItsCaseAndNotOnItsNearMiss(Example e) {
        byte[] mail = switch (e.to()) {
            case "customer" -> TestSite.mail(e.body(), TO_CUSTOMER);
            case "internal+cc" -> TestSite.mail(e.body(), TO_COLLEAGUE, CC_CUSTOMER);
            default -> TestSite.mail(e.body(), TO_COLLEAGUE);
        };
        // the learned reader's symbols need the reader; every other symbol is the rules' alone
        List<Finding> findings = e.symbol().endsWith("_READER") ? TestSite.read(mail) : TestSite.inspect(mail);
        List<String> fired = findings.stream().map(Finding::symbol).toList();
        if (e.fire()) {
            assertThat(fired).as("symbols on: " + e.body()).contains(e.symbol());
        } else {
            assertThat(fired).as("symbols on: " + e.body()).doesNotContain(e.symbol());
        }
    }

    @Test
    void everySymbolThatTextCanTriggerHasAFiringAndAQuietCase() throws IOException {
        List<Example> all = examples();
        Stream<String> textual = Symbols.standard().all().stream().map(Symbols.Symbol::name)
                .filter(s -> !s.startsWith("UNPARSEABLE") && !s.equals("INSPECTION_ERROR")
                        && !s.equals("EXPOSURE_MENTION") && !s.equals("EXPOSURE_SUSTAINED")
                        && !s.equals("BLAME_ACCUSE_SOFTENED") && !s.startsWith("MODEL_"));
        textual.forEach(s -> {
            assertThat(all).as("a firing case for " + s).anyMatch(e -> e.symbol().equals(s) && e.fire());
            assertThat(all).as("a quiet case for " + s).anyMatch(e -> e.symbol().equals(s) && !e.fire());
        });
        assertThat(all).allMatch(e -> Symbols.standard().find(e.symbol()).isPresent());
    }

    @Test
    void docsListEverySymbolWithItsDescription() throws IOException {
        Path docs = Path.of("docs/symbols.md");
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        for (Symbols.Symbol s : Symbols.standard().all()) {
            assertThat(text).as("docs/symbols.md names " + s.name()).contains("`" + s.name() + "`");
        }
    }
}
