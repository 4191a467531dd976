package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tactgate.inspect.TestSite.mail;
import static org.tactgate.inspect.TestSite.score;

import org.junit.jupiter.api.Test;

/** Who a pronoun means: the reader of forwarded colleague history, not a greeted colleague or a partner. */
class ReferenceResolutionTest {
    private static final double THRESHOLD = 0.6;
    private static final String TO_JOAN = "To: Joan Whitley <joan@parkwaydental.example>";
    private static final String INTERNAL = "To: Tom Reyes <tom@globex.example>";

    private static String reply(String quoted) {
        return "Hi Joan,\n\nYour order is confirmed for Friday.\n\nAna\n\n"
                + "On Mon, 11 Mar 2024 at 09:02, Tom Reyes <tom@globex.example> wrote:\n> " + quoted + "\n";
    }

    @Test
    void aPronounInColleaguesHistorySentToOneCustomerMeansThatCustomer() {
        assertThat(score("disparagement", mail(reply("ugh she's completely nuts, just confirm it."), TO_JOAN)))
                .isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void aColleagueGreetedAtTheStartOfTheHistoryDoesNotTakeOverThePronoun() {
        assertThat(score("disparagement", mail(reply("Ana - just confirm it. Frankly she is hopeless."), TO_JOAN)))
                .isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void anAcronymIsNoOneAndDoesNotTakeThePronoun() {
        assertThat(score("disparagement", mail(reply("The RCA is attached. Frankly she is hopeless."), TO_JOAN)))
                .isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(score("disparagement", mail(reply("Frankly her PO is late and she is hopeless."), TO_JOAN)))
                .isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void aColleagueNamedInsideTheHistoryStillTakesThePronoun() {
        assertThat(score("disparagement", mail(reply("Just confirm it, I spoke to Ana. Frankly she is hopeless."), TO_JOAN)))
                .isLessThan(THRESHOLD);
    }

    @Test
    void theCustomersOwnQuotedWordsAreNotOurs() {
        String body = "Hi Joan,\n\nSorry about that.\n\nOn Mon, 11 Mar 2024, Joan Whitley <joan@parkwaydental.example> wrote:\n"
                + "> she is hopeless, your courier lost it again\n";
        assertThat(score("disparagement", mail(body, TO_JOAN))).isLessThan(THRESHOLD);
    }

    @Test
    void aPartnerNamedInLowerCaseTakesThePronounFromACustomersParcel() {
        String body = "quickfreight lost ANOTHER parcel, joan's order this time. they are absolutely useless";
        assertThat(score("disparagement", mail(body, INTERNAL))).isLessThan(THRESHOLD);
    }

    @Test
    void aCustomerNamedAsAPersonStillTakesThePronoun() {
        String body = "joan emailed 9 times today. she is absolutely useless";
        assertThat(score("disparagement", mail(body, INTERNAL))).isGreaterThanOrEqualTo(THRESHOLD);
    }
}
