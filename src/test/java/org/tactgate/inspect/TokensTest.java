package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static List<String> words(String text) {
        Tokens t = Tokens.of(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.word(i) + (t.capitalised(i) ? "^" : ""));
        }
        return out;
    }

    @Test
    void splitsCliticsAndLowerCasesWords() {
        assertThat(words("They're NOT Brightwater’s problem, isn't it?"))
                .containsExactly("they^", "'re", "not^", "brightwater^", "'s", "problem", "is", "n't", "it");
    }

    @Test
    void addressesAndLinksAreNotWords() {
        assertThat(words("Mail dwatkiss@bracepatt.com or see https://x.example/a and www.y.example today"))
                .containsExactly("mail^", "or", "see", "and", "today");
    }

    @Test
    void nonAsciiWordsFollowUnicodeCaseRules() {
        assertThat(words("Trần Thị Linh said ÉCOLE")).containsExactly("trần^", "thị^", "linh^", "said", "école^");
    }

    @Test
    void readsNegationsTypedWithoutApostropheAsSpelledOut() {
        assertThat(words("she isnt rude, didnt you see? i cant")).containsExactly("she", "is", "n't", "rude", "did", "n't",
                "you", "see", "i", "ca", "n't");
        assertThat(Contractions.restore("you ignored it, didnt you? i cant, it wont")).isEqualTo(
                "you ignored it, didn't you? i can't, it won't");
        assertThat(words("the wont and cantor")).containsExactly("the", "wo", "n't", "and", "cantor");
    }
}
