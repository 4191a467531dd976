package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordFormsTest {

    @Test
    void inflectsOneWordOfAPhraseAtATime() {
        assertThat(WordForms.variants("nitwit")).contains("nitwits");
        assertThat(WordForms.variants("treat us like dirt")).contains("treated us like dirt", "treats us like dirt")
                .doesNotContain("treated us like dirts dirt");
        assertThat(WordForms.variants("whinge")).contains("whinged", "whingeing", "whinging", "whinges");
        assertThat(WordForms.variants("bully")).contains("bullies", "bullied", "bullying");
    }

    @Test
    void leavesShortWordsWildcardsAndInflectedWordsAlone() {
        assertThat(WordForms.variants("not a")).isEmpty();
        assertThat(WordForms.variants("clueless")).isEmpty();
        assertThat(WordForms.variants("entitled")).isEmpty();
        assertThat(WordForms.variants("dumb*")).isEmpty();
    }

    @Test
    void theLexiconFindsThePluralOfAnEntryWrittenInTheSingularAsThatEntry() {
        Lexicon lexicon = TestSite.LEXICON;
        var hits = lexicon.scan(Tokens.of("honestly they are a pair of nitwits")).of(lexicon.category("insults"));
        assertThat(hits).singleElement().satisfies(m -> assertThat(m.phrase().text()).isEqualTo("nitwit"));
    }
}
