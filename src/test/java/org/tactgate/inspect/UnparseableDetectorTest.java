package org.tactgate.inspect;

import org.tactgate.message.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnparseableDetectorTest {

    @Test
    void garbageBytesGiveAnUnparseableFinding() {
        byte[] junk = "\u0000\u0001 not a mail at all".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TestSite.inspect(junk)).extracting(Finding::detector).containsExactly("unparseable");
    }

    @Test
    void aNormalMailGivesNoUnparseableFinding() {
        assertThat(TestSite.score("unparseable", TestSite.mail("Hello Tom.", "To: tom@globex.example"))).isZero();
    }

    private static final String TO_TOM = "To: Tom Reyes <tom@globex.example>";

    /** Detection read none of it: said, below the threshold, so the verdict and the audit show it. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            // Polish
            "Cześć Tomek, klient z Krakowa znowu dzwonił w sprawie faktury. Szczerze mówiąc, ten człowiek jest "
                    + "nie do zniesienia, każdego dnia wymyśla nowy problem. Proszę, przygotuj odpowiedź do jutra, "
                    + "bo szef chce to zamknąć przed końcem miesiąca i nie mam już siły z nim rozmawiać.",
            // Greek
            "Γεια σου Τομ, ο πελάτης από την Αθήνα τηλεφώνησε ξανά για το τιμολόγιο. Ειλικρινά, αυτός ο άνθρωπος "
                    + "είναι ανυπόφορος, κάθε μέρα βρίσκει ένα νέο πρόβλημα. Ετοίμασε μια απάντηση μέχρι αύριο, "
                    + "γιατί ο διευθυντής θέλει να το κλείσει πριν από το τέλος του μήνα."})
    void textInALanguageTheDetectorsDoNotReadIsReportedButNotHeld(String body) {
        var findings = TestSite.inspect(TestSite.mail(body, TO_TOM));
        assertThat(findings).extracting(Finding::symbol).contains("UNPARSEABLE_LANGUAGE");
        assertThat(TestSite.score("unparseable", TestSite.mail(body, TO_TOM))).isLessThan(0.5);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "Hi Tom, the client from Leeds rang again about the invoice. Could you get a reply ready for tomorrow, "
                    + "as the boss wants this closed before the end of the month and I have run out of ideas for it.",
            "Ciao Tom, il cliente di Torino ha chiamato di nuovo per la fattura. Per favore prepara una risposta per "
                    + "domani, perché il capo vuole chiudere la pratica prima della fine del mese e non so più cosa dire.",
            "Dzięki, Tom.",
            "Hoi Tom, de klant uit Utrecht belde weer over de factuur. Kun je een antwoord klaarmaken voor morgen, "
                    + "want de baas wil dit voor het einde van de maand afsluiten en ik weet het ook niet meer."})
    void textTheDetectorsReadOrTooShortToTellIsNot(String body) {
        assertThat(TestSite.inspect(TestSite.mail(body, TO_TOM))).extracting(Finding::symbol)
                .doesNotContain("UNPARSEABLE_LANGUAGE");
    }
}
