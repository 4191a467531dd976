package org.tactgate.inspect.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a learned finding quotes as "reads like": the nearest positive training passages of its head. */
class ReaderExamplesTest {
    private static ReaderExamples of(String tsv) throws IOException {
        return ReaderExamples.read(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nearestAreThoseSharingTheRarerWordsOfTheSameHeadNearestFirst() throws IOException {
        ReaderExamples examples = of("""
                # head\tlang\tpassage
                disparage\ten\t«customer» is a cheapskate who haggles over every penny.
                disparage\ten\t«customer» is a total muppet with the portal.
                disparage\ten\tHonestly «customer» is such a cheapskate.
                abuse\ten\tYou cheapskate, read the invoice.
                """);
        Passage p = new Passage(Audience.INTERNAL, "Oscar is a cheapskate, he haggles over the penny.", List.of("Oscar", "he"));
        List<ReaderExamples.Example> near = examples.nearest(p, "disparage", 2);
        assertThat(near).extracting(ReaderExamples.Example::text).containsExactly(
                "«customer» is a cheapskate who haggles over every penny.", "Honestly «customer» is such a cheapskate.");
        assertThat(examples.nearest(p, "abuse", 2)).extracting(ReaderExamples.Example::head).containsOnly("abuse");
        assertThat(examples.nearest(new Passage(Audience.INTERNAL, "Zzz qqq.", List.of()), "disparage", 2)).isEmpty();
    }

    @Test
    void theCommittedListMatchesTheModelsHeadsAndSaysWhoTheCustomerIs() {
        ReaderExamples committed = ReaderExamples.load();
        assertThat(committed.size()).isGreaterThan(1000);
        Passage p = new Passage(Audience.INTERNAL, "Oscar is a complete idiot and a nightmare to deal with.", List.of("Oscar"));
        List<ReaderExamples.Example> near = committed.nearest(p, "disparage", 3);
        assertThat(near).hasSize(3).allSatisfy(e -> {
            assertThat(e.head()).isEqualTo("disparage");
            assertThat(e.text()).doesNotContain("Oscar");
        });
    }

    @Test
    void marksNamesButLeavesPronounsAndRoleNounsAsWords() {
        Passage p = new Passage(Audience.INTERNAL, "Oscar left his bag, and the client wants it sent.",
                List.of("Oscar", "his", "the client"));
        assertThat(ReaderExamples.marked(p)).isEqualTo("«customer» left his bag, and the client wants it sent.");
        // the committed lines are shown the same way: a possessive is never turned into the marker
        assertThat(ReaderExamples.load().nearest(p, "disparage", 50))
                .isNotEmpty()
                .noneSatisfy(e -> assertThat(e.text()).contains("left «customer» "));
    }
}
