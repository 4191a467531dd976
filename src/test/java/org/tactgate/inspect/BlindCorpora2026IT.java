package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The corpora of 2026-12-02 and 2026-12-03, each 44 mails (22 HOLD, 22 PASS) written by someone who had not read
 * the detectors, lexicons or training data: five measured first with the rules as they stood, then
 * once with the learned reader; three ("heldout-*") measured once, at the end, with the finished
 * build. Nothing was tuned on any of them, so these floors are the blind figures (README, "Detection
 * figures"), held so that a change cannot quietly lose what they show; they are not targets.
 * Two were given up knowingly when the reader was retrained on new data (2026-12-03, README):
 * blind-school's false holds 1 -> 3 and heldout-vet's recall 17 -> 15; the other six held or rose.
 *
 * <p>The corpora of 2026-12-03 were written the same way by helpers who had not read any other
 * corpus either. The four {@code blind4-*} were written while the reader was being retrained and
 * measured once, with the finished build; nothing was tuned on them. The four {@code blind3-*}
 * were measured blind before that round's changes (rules 20/88, rules + reader 28/88) and are held
 * at the figures of the finished build: one German role noun ("der Mandant") was added after
 * reading blind3-steuer-at's misses, so that row is no longer blind.
 *
 * <p>Since 2026-12-04 every row is today's figure, not the blind one (README, "Detection figures"):
 * that round read the misses of the 2026-12-02 and 2026-12-03 corpora, wrote rules for them and
 * trained the reader on the PASS mails of blind3 and blind4. The four {@code blind5-*} of
 * 2026-12-04 were measured once with the finished build; their rows are that blind figure, but for
 * gym-ca and notaire-be, one more each after DISP_NICKNAME was written from their misses. The
 * four {@code blind6-*} were measured once at the end of that round; their rows are after three
 * fixes made from their false holds (README).
 */
class BlindCorpora2026IT {

    @ParameterizedTest(name = "{0}: recall >= {1}/22, false holds <= {2}/22")
    @CsvSource({
            "blind-saas-desk, 17, 1",
            "blind-garage, 18, 4",
            "blind-school, 16, 2",
            "blind-viajes-es, 16, 2",
            "blind-hausverwaltung-de, 15, 2",
            "heldout-cabinet-fr, 15, 0",
            "heldout-vet, 17, 1",
            "heldout-msp, 15, 1",
            "blind3-recruit-uk, 14, 0",
            "blind3-sparky-au, 10, 0",
            "blind3-steuer-at, 11, 1",
            "blind3-seguros-mx, 8, 1",
            "blind4-venue-us, 16, 0",
            "blind4-itservices-in, 18, 0",
            "blind4-logistiek-nl, 15, 0",
            "blind4-dentista-it, 13, 0",
            "blind5-events-sg, 14, 1",
            "blind5-gym-ca, 17, 1",
            "blind5-notaire-be, 11, 1",
            "blind5-spitex-ch, 9, 0",
            "blind6-estates-ng, 14, 2",
            "blind6-autos-oh, 14, 2",
            "blind6-agencia-ar, 9, 1",
            "blind6-fisio-pt, 9, 0"})
    void keepsItsFigures(String corpus, int caught, int falseHolds) throws IOException {
        LabelledCorpus.Score s = LabelledCorpus.evaluate(Path.of("src", "test", "resources", "corpus", corpus));
        assertThat(s.recall() * 22).as("HOLD mails stopped").isGreaterThanOrEqualTo(caught - 0.01);
        assertThat(s.falseHoldRate() * 22).as("PASS mails stopped").isLessThanOrEqualTo(falseHolds + 0.01);
    }
}
