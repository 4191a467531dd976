package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tactgate.inspect.TestSite.mail;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tactgate.inspect.model.Audience;
import org.tactgate.inspect.model.Passage;
import org.tactgate.mime.MessageParser;

/** What the learned reader is given to read: which sentences, for which audience, with which mentions. */
class LearnedReaderTest {
    private static final String TO_COLLEAGUE = "To: Tom Reyes <tom@globex.example>";
    private static final String TO_OSCAR = "To: Oscar Delgado <oscar.d@mailbox.example>";
    private static final String CC_OSCAR = "Cc: Oscar Delgado <oscar.d@mailbox.example>";

    private static MessageView view(byte[] mail, int budget) {
        return view(mail, budget, true);
    }

    private static MessageView view(byte[] mail, int budget, boolean abuse) {
        return view(mail, LearnedReader.standard(budget, abuse));
    }

    private static MessageView view(byte[] mail, LearnedReader reader) {
        DetectionInspector inspector = DetectionInspector.standard(TestSite.directory(), TestSite.LEXICON,
                Optional.of(reader));
        return inspector.view(new MessageParser().parse(mail), TestSite.envelope(mail));
    }

    private static List<String> read(MessageView view) {
        return view.sentences().stream().filter(s -> view.reading().containsKey(s)).map(s -> s.sentence().text()).toList();
    }

    private static SentenceView sentence(MessageView view, String start) {
        return view.sentences().stream().filter(s -> s.sentence().text().startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void aSiteThresholdReplacesTheManifestsAndIsNamedInTheFinding() {
        byte[] m = mail("Tom,\n\nBetween us, Oscar is a lying cheapskate and a complete idiot.\n", TO_COLLEAGUE);
        LearnedReader model = LearnedReader.standard(16, false, 0);
        LearnedReader site = LearnedReader.standard(16, false, 0, java.util.OptionalDouble.of(0.5));
        MessageView a = view(m, model);
        MessageView b = view(m, site);
        SentenceView said = sentence(b, "Between us");
        assertThat(site.disparaging(b)).containsKey(said);
        assertThat(site.disparaging(b).get(said).threshold()).isEqualTo(0.5);
        // without a site threshold the manifest's decides (chosen for 1 % false positives: far above 0.5)
        assertThat(model.disparaging(a)).isNotEmpty();
        model.disparaging(a).values().forEach(j -> assertThat(j.threshold()).isGreaterThan(0.9));
    }

    @Test
    void countsWhatItReadsByTheModelOrFromItsCache() {
        byte[] m = mail("Tom,\n\nOscar sent the signed lease back this morning, all pages initialled.\n", TO_COLLEAGUE);
        LearnedReader.Cost before = LearnedReader.cost();
        view(m, 16).reading();
        view(m, 16).reading();
        LearnedReader.Cost after = LearnedReader.cost();
        // two fresh readers, one passage each; each reader has its own cache, so both ask the model
        assertThat((after.scored() - before.scored()) + (after.cached() - before.cached())).isEqualTo(2);
        assertThat(after.modelNanos()).isGreaterThan(before.modelNanos());
    }

    @Test
    void readsOnlySentencesThatPointAtACustomer() {
        MessageView v = view(mail("Tom,\n\nThe printer is jammed again. Oscar was in a mood this morning. "
                + "The coffee machine is fine.\n", TO_COLLEAGUE), 16);
        assertThat(read(v)).containsExactly("Oscar was in a mood this morning.");
    }

    @Test
    void inMailToTheCustomerAlsoReadsWhatTheAuthorSaysToThem() {
        MessageView v = view(mail("Dear Oscar,\n\nThe invoice is attached. As you were told twice, the deposit stays. "
                + "The weather is lovely.\n", TO_OSCAR), 16);
        assertThat(read(v)).contains("As you were told twice, the deposit stays.").doesNotContain("The weather is lovely.");
    }

    @Test
    void withTheAbuseHeadOffWhatIsSaidOnlyToYouIsNotReadButTheCustomerNamedStillIs() {
        MessageView v = view(mail("Dear Oscar,\n\nAs you were told twice, the deposit stays. "
                + "Oscar's partner called us about the parking again.\n", TO_OSCAR), 16, false);
        assertThat(read(v)).containsExactly("Oscar's partner called us about the parking again.");
    }

    @Test
    void readsAtMostItsBudgetAndTheAuthorsOwnTextFirst() {
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            quoted.append("> Oscar called about room ").append(i).append(" again.\n");
        }
        String body = "Tom,\n\nOscar wants an answer today.\n\nOn Monday, Tom Reyes <tom@globex.example> wrote:\n" + quoted;
        MessageView v = view(mail(body, TO_COLLEAGUE, CC_OSCAR), 5);
        List<String> read = read(v);
        assertThat(read).hasSize(5).first().isEqualTo("Oscar wants an answer today.");
    }

    @Test
    void marksTheCustomerAsWrittenAndTellsTheModelWhoReceivesIt() {
        MessageView v = view(mail("Tom,\n\nOscar's booking moved. He isn't happy.\n", TO_COLLEAGUE, CC_OSCAR), 16);
        Passage p = LearnedReader.passage(v, sentence(v, "Oscar's booking"));
        assertThat(p.audience()).isEqualTo(Audience.INTERNAL_CC);
        assertThat(p.mentions()).contains("Oscar");
        assertThat(LearnedReader.passage(v, sentence(v, "He isn")).mentions()).contains("He");

        MessageView toOscar = view(mail("Oscar, you left the form blank.\n", TO_OSCAR), 16);
        Passage second = LearnedReader.passage(toOscar, sentence(toOscar, "Oscar, you"));
        assertThat(second.audience()).isEqualTo(Audience.CUSTOMER);
        assertThat(second.mentions()).contains("Oscar", "you");
    }
}
