package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tactgate.inspect.TestSite.mail;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EpithetsTest {

    /** The epithet each sentence carries, as its tokens (empty when none). */
    private static List<String> epithets(String sentence, Set<String> known) {
        Tokens t = Tokens.of(sentence);
        return Epithets.find(sentence, t, new boolean[t.size()], () -> known).stream()
                .map(s -> t.span(s.start(), s.end())).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mr Last Minute strikes again, he wants a bigger screen. | mr last minute",
            "Madam Spreadsheet has sent version 14 of the run sheet. | madam spreadsheet",
            "Frau Dauertelefon hat heute schon fünfmal angerufen. | frau dauertelefon",
            "Nath, Monsieur Je-Sais-Tout a encore réécrit trois articles. | monsieur je-sais-tout",
            "PD: la Generala llegó 40 minutos tarde y nos retó. | la generala",
            "Lu, terminé la llamada con los Tortolitos y no deciden. | los tortolitos",
            "Seb, tu veux bien reprendre Papy Cadastre à partir d'ici ? | papy cadastre",
            "Kurzer Bericht: Ihre Durchlaucht hat das Ei zurückgehen lassen. | ihre durchlaucht",
            "Apparently the Duchess wants the lilies moved again. | the duchess",
            "Ojo que Mister Pivot seguro lo cambia de nuevo. | mister pivot"})
    void findsEpithetsWrittenLikeNames(String sentence, String epithet) {
        assertThat(epithets(sentence, Set.of())).containsExactly(epithet);
    }

    /** Real names, forms of address, places, titles of things: none of them a nickname. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Mr Pemberton in 214 stopped me at breakfast this morning.",
            "Frau Strohmaier ruft morgen wegen der Schlüssel an.",
            "Mr Baker will sign the lease on Friday.",
            "Sr. Ribeiro disse que faltam motoristas.",
            "Frau Anna bringt die Unterlagen vorbei.",
            "Madame, Monsieur, veuillez trouver ci-joint le devis.",
            "Thank you, Mr President, for the invitation.",
            "LA Times, Wed, 6/6: an editorial on the crisis.",
            "They toured El Monte and the valley last week.",
            "Le confermo che la Sua richiesta è stata accolta.",
            "Frau Mag. Huber hat den Bescheid geschickt.",
            "Mother Nature had other plans for the marquee.",
            "Se rigen por la Ley General para la Defensa de los Consumidores y Usuarios.",
            "Update from the Ritz and the Savoy on rates.",
            "The crew is at the job in Queen Creek until Friday."})
    void findsNoEpithetInNamesAndPlaces(String sentence) {
        assertThat(epithets(sentence, Set.of())).isEmpty();
    }

    /** A word of a name in the headers is someone's name, wherever an honorific stands before it. */
    @Test
    void aWordOfAHeaderNameIsNeverAnEpithet() {
        assertThat(epithets("Mr Pivot called again.", Set.of())).containsExactly("mr pivot");
        assertThat(epithets("Mr Pivot called again.", Set.of("pivot"))).isEmpty();
    }

    private static final String TO_JOAN = "To: Joan Whitley <joan@parkwaydental.example>";

    private static String forwardToJoan(String remark) {
        return ExposureDetectorTest.forwardToJoan(remark);
    }

    private static List<String> symbolsOf(byte[] mail) {
        return ExposureDetectorTest.symbolsOf(mail);
    }

    /** A nickname no list holds, in colleagues' history sent to the customer: said to her face. */
    @Test
    void anEpithetInHistorySentToTheCustomerIsDisparagement() {
        List<org.tactgate.message.Finding> found = TestSite.inspect(mail(
                forwardToJoan("Madam Spreadsheet wants the report again, send it before she writes an essay."), TO_JOAN));
        assertThat(found).anySatisfy(f -> {
            assertThat(f.symbol()).isEqualTo("DISP_EPITHET");
            assertThat(f.score()).isEqualTo(0.7);
            assertThat(f.evidence()).contains("Madam Spreadsheet wants the report again");
        });
    }

    @Test
    void quotedOrKnownAsASurnameItIsNot() {
        assertThat(symbolsOf(mail(forwardToJoan("Please stop calling her 'Madam Spreadsheet', send the report."), TO_JOAN)))
                .doesNotContain("DISP_EPITHET");
        assertThat(symbolsOf(mail(forwardToJoan("Alan Pivot from the bank rang. Mr Pivot wants the report too."), TO_JOAN)))
                .doesNotContain("DISP_EPITHET");
    }

    /** Outlook writes a colleague of the same Exchange as "From: Tom Reyes", with no address. */
    @Test
    void historyWithoutAnAddressSentByAColleagueIsAColleaguesHistory() {
        String forward = "Dear Joan,\n\nAs requested, the report is below.\n\nAna\n\n-----Original Message-----\n"
                + "From: Tom Reyes\nSent: Monday, 1 April 2024 09:00\nTo: Ana Costa\nSubject: report\n\nAna,\n\n"
                + "Madam Spreadsheet wants the report again, send it.\n\nTom\n";
        assertThat(symbolsOf(mail(forward, TO_JOAN))).contains("DISP_EPITHET");
    }
}
