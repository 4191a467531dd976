package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tactgate.inspect.TestSite.mail;
import static org.tactgate.inspect.TestSite.score;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlameDetectorTest {
    private static final double THRESHOLD = 0.5;
    private static final String TO_CUSTOMER = "To: Joan Whitley <joan@parkwaydental.example>";

    @ParameterizedTest
    @ValueSource(strings = {
            "You were the one who chose the cheaper package, so the missing extras are hardly a surprise.",
            "The deadline was in the contract. You knew that, didn't you? The fee stands.",
            "As I already told you twice, the deposit is not refundable. It is your problem, not ours.",
            "Did you really expect us to keep the room free for nothing? You can hardly complain now.",
            "I'm not sure why you're acting surprised. I'm not going to apologise for our policy.",
            "As I've explained three times now, the package includes 5 users. Please read the order form next time.",
            "I sent the invitation three times. If nobody came, that's rather on you, isn't it?",
            "The sync failed because your team renamed the columns. I'm not sure what else you expected us to do."})
    void firesOnAccusingMailToACustomer(String body) {
        assertThat(score("blame", mail(body, TO_CUSTOMER))).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I'm so sorry the charge came as a shock. You signed for the larger room, but I understand the figure was higher than you expected, and I'm happy to spread it over three months.",
            "Thank you for your patience. Could you send the final numbers by Friday?",
            "You were absolutely right to raise this, and we let you down. I have refunded the first night.",
            "What do you think of the new menu?",
            "As I mentioned on the call, the invoice is attached and the terms are net 30.",
            "The delay happened because of the storm, and I'm sorry it spoiled your plans."})
    void passesCourteousMail(String body) {
        assertThat(score("blame", mail(body, TO_CUSTOMER))).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"You were the ones who confirmed a 9am delivery. You knew that, didn't you?"})
    void ignoresBlameAimedAtASupplier(String body) {
        assertThat(score("blame", mail(body, "To: Paul <paul@quickfreight.example>"))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "As I explained in my letter, the deadline was yours to meet. Had you returned the forms when asked, we would not be here.",
            "I must point out, yet again, that it was you who instructed us. You can hardly now complain.",
            "You entered the wrong address at checkout, not us. Maybe next time read the page first.",
            "you literally ignored the size chart, didnt you? its right there on the page",
            "You were told the statement was due by the 31st. You chose to ignore three reminders, did you not?"})
    void firesOnFormalAndCasualBlame(String body) {
        assertThat(score("blame", mail(body, TO_CUSTOMER))).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Das ist allein Ihre Schuld, Sie hätten das wissen müssen.",
            "Fue usted quien firmó el contrato; la culpa es suya.",
            "C'est vous qui avez signé, vous le saviez très bien.",
            "È stato Lei a saltare l'appuntamento, e lo sapeva benissimo.",
            "Dat is volledig uw eigen schuld, u had dat kunnen weten.",
            "Foi o senhor que pediu o adiamento; a sobrestadia é responsabilidade sua.",
            "Let me keep it real simple for you, sweetie.",
            "Sie waren es, der die Frist versäumt hat. Das haben wir jetzt dreimal besprochen.",
            "Si usted hubiera leído la póliza, sabría que no cubre eso. ¿O no se acuerda?",
            "Qui, selon vous, a signé le bon pour accord ? Si vous aviez lu nos relances, vous le sauriez.",
            "The tariff may appear complicated to some, so in simpler terms: you chose the non-refundable fare.",
            "La eligió usted, y si usted hubiera leído las condiciones lo sabría. ¿O esperaba que la agencia pagara?"})
    void firesOnBlameInOtherLanguagesAndOnCondescension(String body) {
        assertThat(score("blame", mail(body, TO_CUSTOMER))).isGreaterThanOrEqualTo(THRESHOLD);
    }

    /** These languages negate before the verb: the negated accusation is reassurance. */
    @ParameterizedTest
    @ValueSource(strings = {
            "No te preocupes, no fue culpa tuya para nada; el fallo es nuestro.",
            "Non è colpa sua, ci mancherebbe: il ritardo è nostro.",
            "Het is niet je eigen schuld, de koerier was te laat.",
            "Não foi você que pediu o adiamento, foi o armador."})
    void passesNegatedBlameInOtherLanguages(String body) {
        assertThat(score("blame", mail(body, TO_CUSTOMER))).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The thermal suite is yours to enjoy for an hour before your treatment.",
            "Maybe next time we can meet in person? It was lovely to see you.",
            "You mentioned the mug arrived broken. I completely understand, and I'm sorry; the refund is on its way."})
    void passesFriendlyMailWithTheSameWords(String body) {
        assertThat(score("blame", mail(body, TO_CUSTOMER))).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Honestly, you are too stupid to follow a two-step form.",
            "You come across as a nasty piece of work, and I won't be spoken to like that.",
            "Read the invoice, you absolute muppet.",
            "you're such a clown lol, the tracking number is on the email",
            "Lesen Sie die Rechnung, Sie sind wirklich ein Vollpfosten.",
            "Usted es un pendejo si cree que le vamos a devolver el dinero.",
            // the copula, candour and the superlative do not put the judgement out of reach
            "You are honestly the most disorganised client I have dealt with in twelve years.",
            "Mi permetta di essere franco: Lei è un maleducato.",
            "Jij bent een oplichter en dat weet je zelf ook."})
    void firesWhenTheReaderIsCalledNames(String body) {
        assertThat(symbols(mail(body, TO_CUSTOMER))).contains("BLAME_INSULT");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "You are not difficult at all; it was a pleasure to help.",
            "You mentioned the courier was rude. I'm sorry, that is not acceptable and I've complained.",
            "You are quick to reply, thank you. The parcel leaves today.",
            "You asked whether The Idiot is in stock: the Dostoevsky paperback arrives Monday.",
            "Sie sind alles andere als ein Querulant, Ihre Nachfragen sind berechtigt.",
            // a verb between "you" and the adjective: it judges the situation, not the reader
            "You are facing the most annoying kind of delay, and I am sorry for it.",
            // "your" owns the next noun, not one five words on
            "Please ask your nutritionist to review the dry cow ration before May."})
    void staysQuietWhenTheInsultIsNegatedAboutSomeoneElseOrATitle(String body) {
        assertThat(symbols(mail(body, TO_CUSTOMER))).doesNotContain("BLAME_INSULT");
    }

    private static java.util.List<String> symbols(byte[] mail) {
        return TestSite.inspect(mail).stream().map(org.tactgate.message.Finding::symbol).toList();
    }
}
