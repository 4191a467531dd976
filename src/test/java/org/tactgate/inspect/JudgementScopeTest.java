package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tactgate.inspect.TestSite.mail;
import static org.tactgate.inspect.TestSite.score;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a negative word is about: the customer, their requirements, or the customer's own report. */
class JudgementScopeTest {
    private static final double THRESHOLD = 0.6;
    private static final String INTERNAL = "To: Tom Reyes <tom@globex.example>";

    @ParameterizedTest
    @ValueSource(strings = {
            "Joan is demanding on turnaround and expects same-day replies.",
            "Parkway are a demanding account on lead times.",
            "Joan told me she thought the registry was a nightmare and their phone line is useless.",
            "Oscar said the courier was useless and the box was crushed.",
            "tbh joan isnt difficult at all, she just wants tracking info",
            "lena doesnt seem rude, she was just tired",
            "Joan is a delight, though the registry is a nightmare this month.",
            "Oscar is lovely but the courier is useless."})
    void staysQuietWhenTheWordIsNotAJudgementOfTheCustomer(String body) {
        assertThat(score("disparagement", mail(body, INTERNAL))).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Joan is so demanding, always.",
            "Joan is demanding with our staff and rude about us.",
            "Oscar called again, he is insane.",
            "Between ourselves, the Delgados never stop. Tedious, penny-pinching and forever convinced they know better.",
            "Joan is shady about the payment again, I don't trust her.",
            "Oscar is, shall we say, not overburdened with intellect.",
            "Lena is rather too fond of the sound of her own voice.",
            "Joan appears to believe we are her personal staff.",
            "joan strikes again, a real gem /s 🤡",
            "Joan, frankly, is a nightmare.",
            "The registry was slow and Joan is a nightmare.",
            "Joan is what one might charitably call an acquired taste.",
            "I would sooner chew glass than sit through another meeting with Oscar."})
    void firesWhenTheCustomerIsJudged(String body) {
        assertThat(score("disparagement", mail(body, INTERNAL))).isGreaterThanOrEqualTo(THRESHOLD);
    }
}
