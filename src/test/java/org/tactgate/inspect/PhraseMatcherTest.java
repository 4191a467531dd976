package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static List<String> found(PhraseMatcher<String> m, String text) {
        return m.find(Tokens.of(text)).stream().map(x -> x.phrase().value() + "@" + x.start()).toList();
    }

    @Test
    void findsOverlappingPhrasesInTextOrderThenGivenOrder() {
        PhraseMatcher<String> m = new PhraseMatcher<>(List.of(
                new PhraseMatcher.Phrase<>("the client", "long", false),
                new PhraseMatcher.Phrase<>("the", "short", false),
                new PhraseMatcher.Phrase<>("client", "noun", false)));
        assertThat(found(m, "Ask the client")).containsExactly("long@1", "short@1", "noun@2");
    }

    @Test
    void wildcardWordsMatchAnyWordWithThatPrefix() {
        PhraseMatcher<String> m = new PhraseMatcher<>(List.of(
                new PhraseMatcher.Phrase<>("these * folks", "group", false),
                new PhraseMatcher.Phrase<>("time-wast*", "waster", false)));
        assertThat(found(m, "These library folks are time-wasters")).containsExactly("group@0", "waster@4");
    }

    @Test
    void caseSensitivePhrasesNeedTheirCapitals() {
        PhraseMatcher<String> m = new PhraseMatcher<>(List.of(new PhraseMatcher.Phrase<>("Grace", "name", true)));
        assertThat(found(m, "saying grace")).isEmpty();
        assertThat(found(m, "ask Grace")).containsExactly("name@1");
        assertThat(m.find(Tokens.of("ask grace").asCapitalised())).hasSize(1);
    }

    @Test
    void oneScanFindsEveryCategoryOfTheLexicon() {
        Lexicon lexicon = TestSite.LEXICON;
        PhraseHits hits = lexicon.scan(Tokens.of("Between us, the client is a total nightmare client"));
        assertThat(hits.has(lexicon.category("hedges"))).isTrue();
        assertThat(hits.of(lexicon.category("role-nouns"))).isNotEmpty();
        assertThat(hits.of(lexicon.category("insults")).stream().map(x -> x.phrase().text())).contains("nightmare client");
        assertThat(hits.has(lexicon.category("sarcasm"))).isFalse();
    }
}
