package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tactgate.inspect.TestSite.mail;
import static org.tactgate.inspect.TestSite.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisparagementDetectorTest {
    private static final double THRESHOLD = 0.6;
    private static final String INTERNAL = "To: Tom Reyes <tom@globex.example>";

    @ParameterizedTest
    @ValueSource(strings = {
            "Oscar rang again about the parking. Honestly, he is such an insufferable man.",
            "Between us, the Delgados are stingy beyond belief.",
            "Joan has sent her fourth change this week. She's a complete nightmare to deal with.",
            "I'll be honest: they're not really the type of clients we want in the lounge.",
            "The practice rang again. Some of these owners think we're their personal servants.",
            "Lena called. She hasn't got a clue what she booked.",
            "Oscar wants another discount. The man is a cheapskate.",
            "Tom, she is really difficult customer, always angry for nothing.",
            "These practice folks are slow as molasses and twice as annoying.",
            "honestly oscar is a clown, let's just give him the discount and be done with him",
            "The Delgados are the biggest time wasters we've ever dealt with.",
            "Joan moves the goalposts every week. Some people are just never happy.",
            "Oscar is slippery as an eel and I wouldn't trust him with the keys.",
            // German capitalises every noun: there a capital is no sign of a name
            "Oscar hat schon wieder angerufen. Der Mann ist ein Trottel.",
            "Oscar quiere otro descuento, es un tacaño de primera.",
            "Oscar a encore appelé, quel casse-pieds.",
            // Dutch, Italian, Portuguese; "Het is een …" is how Dutch says "he is a …"
            "Voor Oscar: oude tarieven. Het is een krentenkakker en hij gaat sowieso piepen.",
            "Ho perso un'ora con Oscar, che piagnone.",
            "O Oscar ligou outra vez, ele é um caloteiro.",
            "Oscar nos toma por idiotas, no lo soporto.",
            "Oscar a encore appelé ; il nous prend vraiment pour des jambons.",
            "Oscar rang at 11pm about the timetable, absolute eejit.",
            "Oscar llamó otra vez, de precios no se entera.",
            // the adjective itself, not its verb look-alikes or its participle with a complement
            "Oscar is so mean to the girls on reception.",
            "Oscar is so entitled, he thinks the spa is his."})
    void firesOnSentencesThatJudgeACustomer(String body) {
        assertThat(score("disparagement", mail(body, INTERNAL))).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "QuickFreight were late again and their driver was useless.",
            "The weather on Saturday looks awful, but Oscar and Lena are lovely and we'll move inside.",
            "Joan is not difficult at all; she simply likes things in writing.",
            "Our check-in system was a disaster this morning and that is on us, not on the Delgados.",
            "Oscar said the breakfast was awful and the toast was cold. He was right, and I've apologised.",
            "Between us, the hotel across the road is cheap and their rooms are tired.",
            "Please keep this to yourself: Lena lost her mother last month, so be gentle with her.",
            "Parkway have a large balance outstanding; I have set up a call with Joan to agree a plan.",
            "The Delgados are really difficult to reach by phone, so I will write instead.",
            "joan called, the new printer is a clown show but she was lovely about it",
            "The path by Oscar's room is slippery, so I've put a sign out.",
            "Joan was never happier than at her daughter's wedding.",
            // negations of more than one word
            "Oscar is anything but an idiot; he simply reads every clause.",
            "Oscar ist alles andere als ein Querulant, auch wenn er oft anruft.",
            "Oscar no es para nada un tacaño, solo pide las facturas a tiempo.",
            // a fragment's adjective before a noun for a thing; a role phrase around a partner's name
            "Lena called about the booking. Petty cash: balanced, the difference traced to a receipt.",
            "Joan is lovely about the delay. These QuickFreight people are useless, I swear.",
            // Rioplatense banter with a colleague, the customer named well before
            "Oscar firmó ayer. Gracias por todo. Mañana reviso. Che boludo, te dejaste el cargador en la ofi.",
            // a word for cheats said of a competitor, a customer named three sentences before
            "Oscar renovó ayer. Gracias por el informe. Mañana reviso las cifras. "
                    + "La aseguradora de enfrente son unos tramposos: sus pólizas no cubren nada.",
            // an insult capitalised mid-sentence in English is still a name or a title
            "Oscar met Supervisor Wally Smith at the front desk.",
            // "mean" is an adjective entry: its verb forms are not it
            "I now know what Oscar means, and I agree with him.",
            "Oscar is entitled to question his bill, and we're entitled to our contract.",
            // an insult word before an object pronoun is a verb
            "Oscar's account has 40 tickets. Don't let the ticket count fool you: he is not difficult at all."})
    void staysQuietOnHardNegatives(String body) {
        assertThat(score("disparagement", mail(body, INTERNAL))).isLessThan(THRESHOLD);
    }

    @Test
    void recognisesACopiedCustomerByTheNameHisMailboxSpellsWhenThereIsNoDisplayName() {
        byte[] bare = mail("Between us, Bob is an idiot and a cheapskate.", INTERNAL, "Cc: bob@bobsplumbing.example");
        byte[] dotted = mail("Honestly Pauline is the most entitled person I have met.", INTERNAL,
                "Cc: pauline.bailey@mailbox.example");
        byte[] roleMailbox = mail("Honestly Info is a strange name for a product.", INTERNAL, "Cc: info@acme.example");

        assertThat(score("disparagement", bare)).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(score("disparagement", dotted)).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(score("disparagement", roleMailbox)).isLessThan(THRESHOLD);
    }

    @Test
    void scoresColleagueRemarksQuotedInAMailToTheCustomer() {
        String body = """
                Dear Oscar,

                Good news: the late checkout is approved.

                Kind regards,
                Ana

                -----Original Message-----
                From: Tom Reyes <tom@globex.example>
                Sent: 02 June 2024 14:10
                To: Ana Costa <ana@globex.example>
                Subject: RE: late checkout

                Fine, give the old windbag his late checkout.
                """;
        assertThat(score("disparagement", mail(body, "To: Oscar Delgado <oscar.d@mailbox.example>")))
                .isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void ignoresTheCustomersOwnQuotedWords() {
        String body = """
                Dear Oscar, I am so sorry about the noise and have moved you to a quiet room.

                On Sun, 2 Jun 2024 at 18:00, Oscar Delgado <oscar.d@mailbox.example> wrote:
                > Your staff are rude idiots and the room is a joke.
                """;
        assertThat(score("disparagement", mail(body, "To: Oscar Delgado <oscar.d@mailbox.example>"))).isLessThan(THRESHOLD);
    }
}
