package org.tactgate.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The labelled corpora's customers files read as the hand-written parser read them before the
 * CSV library replaced it: the same number of customers, and no row or column reported.
 */
class LabelledCorporaCustomersTest {
    private static final Path CORPORA = Path.of("src/test/resources/corpus");

    /** What the line-based parser (before commit "customers.file through Jackson's CSV module") loaded. */
    private static final Map<String, Integer> OLD_PARSER_COUNTS = Map.ofEntries(
            Map.entry("blind-clinic-builder", 9), Map.entry("blind-garage", 10),
            Map.entry("blind-hausverwaltung-de", 14), Map.entry("blind-saas-desk", 13),
            Map.entry("blind-school", 18), Map.entry("blind-viajes-es", 9),
            Map.entry("blind3-recruit-uk", 21), Map.entry("blind3-seguros-mx", 13),
            Map.entry("blind3-sparky-au", 9), Map.entry("blind3-steuer-at", 10),
            Map.entry("blind4-dentista-it", 13), Map.entry("blind4-itservices-in", 9),
            Map.entry("blind4-logistiek-nl", 12), Map.entry("blind4-venue-us", 12),
            Map.entry("fresh-lawfirm", 4), Map.entry("fresh-logistics", 3), Map.entry("fresh-retail", 4),
            Map.entry("heldout-cabinet-fr", 10), Map.entry("heldout-msp", 7),
            Map.entry("heldout-synthetic", 7), Map.entry("heldout-vet", 12));

    @Test
    void everyCorpusShouldLoadAsManyCustomersAsBeforeWithNothingReported() throws IOException {
        List<Path> files;
        try (Stream<Path> corpora = Files.list(CORPORA)) {
            files = corpora.map(c -> c.resolve("customers.csv")).filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files.stream().map(f -> f.getParent().getFileName().toString()))
                .as("every corpus counted before the change is still here")
                .containsAll(OLD_PARSER_COUNTS.keySet());
        for (Path file : files) {
            CustomerList list = CustomersFile.read(file);
            assertThat(list.problems()).as(file.toString()).isEmpty();
            Integer before = OLD_PARSER_COUNTS.get(file.getParent().getFileName().toString());
            if (before != null) {
                assertThat(list.customers()).as(file.toString()).hasSize(before);
            }
        }
    }
}
