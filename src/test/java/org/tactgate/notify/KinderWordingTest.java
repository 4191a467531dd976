package org.tactgate.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tactgate.message.Finding;

class KinderWordingTest {
    private static Finding blame(String sentence) {
        return new Finding("blame", 0.9, "body", sentence, "accusing tag question");
    }

    @Test
    void tagQuestionAndAccusingYouShouldBeRewordedWithAcknowledgement() {
        String s = KinderWording.suggest(blame("You were the one who decided to cancel the DJ, weren't you?")).orElseThrow();
        assertThat(s).startsWith("I understand").doesNotContain("weren't you").doesNotContain("?")
                .contains("you were the one who decided to cancel the DJ.")
                .doesNotStartWith("You");
    }

    @Test
    void rhetoricalQuestionShouldLoseItsEdge() {
        String s = KinderWording.suggest(blame("Don't you obviously expect us to work for free?")).orElseThrow();
        assertThat(s).doesNotContain("Don't you").doesNotContain("obviously").contains("you expect us to work for free.");
    }

    @Test
    void otherDetectorsShouldGetNoSuggestion() {
        assertThat(KinderWording.suggest(new Finding("disparagement", 0.9, "body", "They are cheap.", "x"))).isEmpty();
    }
}
