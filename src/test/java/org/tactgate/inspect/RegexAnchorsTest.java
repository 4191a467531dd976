package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RegexAnchorsTest {

    @Test
    void readsLiteralRunsAndRequiredGroupsAsRequirements() {
        assertThat(RegexAnchors.of("\\byou('re| are) the (one|ones) who\\b"))
                .contains(List.of("you"), List.of("'re", "are"), List.of("one", "ones"), List.of("the"), List.of("who"));
    }

    @Test
    void letterLookAroundsConsumeNothingAndAccentedAlternativesAreRequired() {
        assertThat(RegexAnchors.of("(?<!\\p{L})vous (saviez|saviiez)(?!\\p{L})"))
                .contains(List.of("vous"), List.of("saviez", "saviiez"));
        assertThat(RegexAnchors.of("(?<!\\p{L})(c'était|c'est) à vous")).contains(List.of("c'était", "c'est"), List.of("à vous"));
    }

    @Test
    void optionalPartsTopLevelAlternativesAndRepetitionCountsAddNothing() {
        assertThat(RegexAnchors.of("\\bfees?\\b")).containsExactly(List.of("fee"));
        assertThat(RegexAnchors.of("(sick )?of it")).containsExactly(List.of("of it"));
        assertThat(RegexAnchors.of("rude|pushy")).isEmpty();
        assertThat(RegexAnchors.of("\"(urgent|tiny)[^\"]{0,25}\"")).doesNotContain(List.of("0,25"));
    }

    @Test
    void escapedPunctuationIsALiteral() {
        assertThat(RegexAnchors.of(",\\s*(did|do) you\\s*\\?")).contains(List.of("?"), List.of(","));
    }

    /** The prefilter may only skip a pattern that cannot match: checked on every sentence of the lexicon and corpus. */
    @Test
    void literalPrefilterNeverHidesAMatchOfAnyBuiltInRule() throws IOException {
        Lexicon lexicon = TestSite.LEXICON;
        List<Lexicon.Rule> rules = new ArrayList<>();
        for (String c : List.of("blame", "empathy", "contempt", "unwanted", "sarcasm")) {
            rules.addAll(lexicon.category(c).rules());
        }
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources", "corpus"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String t = Files.readString(p, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).replace('’', '\'');
                texts.addAll(t.lines().toList());
            }
        }
        texts.addAll(List.of("you were the one who chose it, weren't you?", "as i've explained three times now",
                "that's rather on you, isn't it?", "what did you expect us to do?"));
        int matched = 0;
        for (String t : texts) {
            Literals found = lexicon.literals(t);
            for (Lexicon.Rule r : rules) {
                boolean matches = r.pattern().matcher(t).find();
                matched += matches ? 1 : 0;
                if (matches) {
                    assertThat(r.mayMatch(found)).as(r.source() + " on: " + t).isTrue();
                    assertThat(r.mayMatch(t)).as(r.source() + " on: " + t).isTrue();
                }
            }
        }
        assertThat(matched).as("the check saw matches").isGreaterThan(10);
    }
}
