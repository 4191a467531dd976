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
 *
 * <p>Since 2026-12-06 the rows are that day's figures (README): every one held or rose. The four
 * {@code blind7-*} were measured blind that morning (31/88) and tuned on since; the four
 * {@code blind8-*} were measured once, blind, at the end of the day (48/88) and nothing was tuned on
 * them, so their rows are the blind figure, but for solar-az's false holds (3 -> 2 after two
 * fixes made from them: "fool" before "you" is a verb, "Queen Creek" is a town).
 */
class BlindCorpora2026IT {

    @ParameterizedTest(name = "{0}: recall >= {1}/22, false holds <= {2}/22")
    @CsvSource({
            "blind-saas-desk, 18, 1",
            "blind-garage, 19, 4",
            "blind-school, 18, 2",
            "blind-viajes-es, 19, 2",
            "blind-hausverwaltung-de, 16, 2",
            "heldout-cabinet-fr, 16, 0",
            "heldout-vet, 18, 1",
            "heldout-msp, 15, 1",
            "blind3-recruit-uk, 15, 0",
            "blind3-sparky-au, 10, 0",
            "blind3-steuer-at, 11, 1",
            "blind3-seguros-mx, 9, 1",
            "blind4-venue-us, 16, 0",
            "blind4-itservices-in, 19, 0",
            "blind4-logistiek-nl, 16, 0",
            "blind4-dentista-it, 13, 0",
            "blind5-events-sg, 19, 1",
            "blind5-gym-ca, 19, 1",
            "blind5-notaire-be, 13, 1",
            "blind5-spitex-ch, 12, 0",
            "blind6-estates-ng, 17, 2",
            "blind6-autos-oh, 14, 2",
            "blind6-agencia-ar, 13, 1",
            "blind6-fisio-pt, 10, 0",
            "blind7-accounting-nz, 15, 1",
            "blind7-clinica-co, 15, 1",
            "blind7-syndic-qc, 13, 0",
            "blind7-umzug-hh, 9, 2",
            "blind8-solar-az, 17, 2",
            "blind8-hotel-ie, 15, 1",
            "blind8-coworking-vlc, 9, 0",
            "blind8-skischule-at, 7, 1"})
    void keepsItsFigures(String corpus, int caught, int falseHolds) throws IOException {
        LabelledCorpus.Score s = LabelledCorpus.evaluate(Path.of("src", "test", "resources", "corpus", corpus));
        assertThat(s.recall() * 22).as("HOLD mails stopped").isGreaterThanOrEqualTo(caught - 0.01);
        assertThat(s.falseHoldRate() * 22).as("PASS mails stopped").isLessThanOrEqualTo(falseHolds + 0.01);
    }
}
