package org.tactgate.policy;

import org.tactgate.message.Decision;
import org.tactgate.message.Verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tactgate.config.DirectorySettings;
import org.tactgate.directory.Directory;
import org.tactgate.message.Finding;
import org.tactgate.message.Inspection;
import org.tactgate.message.Envelope;
import org.tactgate.store.Hold;

class RulePolicyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    private final Directory directory = Directory.of(new DirectorySettings(List.of("northwind.example"),
            Optional.empty(), true, List.of("linenco.example")));

    private static Finding finding(String detector, double score) {
        return new Finding(detector, score, "body", "They are cheap.", "speaks ill of a customer");
    }

    private static Envelope envelope(String sender, String... recipients) {
        return new Envelope(sender, List.of(recipients), "127.0.0.1", "test", Optional.empty(), Instant.EPOCH);
    }

    private static byte[] mail(String to, String cc) {
        return ("To: " + to + "\r\nCc: " + cc + "\r\nSubject: x\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private RulePolicy policy(String text, boolean monitor) {
        return new RulePolicy(RulesFile.parse("test.rules", text), directory, Map.of("disparagement", 0.6), monitor,
                CLOCK);
    }

    private RulePolicy builtIn() {
        return new RulePolicy(RulesFile.builtIn(), directory, Map.of("disparagement", 0.6), false, CLOCK);
    }

    @Test
    void disparagementShouldBeQuarantinedWhenTheCustomerIsAmongRecipients() {
        Decision d = builtIn().decide(envelope("ann@northwind.example", "bob@northwind.example", "joan@client.example"),
                new Inspection(List.of(finding("disparagement", 0.9))),
                mail("bob@northwind.example", "joan@client.example"));
        assertThat(d.verdict()).isEqualTo(Verdict.QUARANTINE);
        assertThat(d.rule()).isEqualTo("disparagement-exposed");
    }

    @Test
    void whatOnlyTheLearnedReaderSawShouldAskTheSenderEvenWithTheCustomerAmongRecipients() {
        Finding model = new Finding("disparagement", "DISP_READER", 0.8, "body", "They are cheap.",
                "the learned reader judged this to speak ill of a customer", Finding.Span.NONE);
        Finding rule = new Finding("disparagement", "DISP_INSULT", 0.9, "body", "They are idiots.",
                "insulting word for a customer", Finding.Span.NONE);
        RulePolicy policy = builtIn();
        Envelope env = envelope("ann@northwind.example", "bob@northwind.example", "joan@client.example");
        byte[] content = mail("bob@northwind.example", "joan@client.example");
        Decision learned = policy.decide(env, new Inspection(List.of(model)), content);
        assertThat(learned.verdict()).isEqualTo(Verdict.HOLD);
        assertThat(learned.rule()).isEqualTo("learned-only");
        assertThat(policy.terms(learned).atDeadline()).isEqualTo(Hold.AtDeadline.BOUNCE);
        // a rule saw it too: compliance decides, as for any exposed disparagement
        Decision both = policy.decide(env, new Inspection(List.of(model, rule)), content);
        assertThat(both.rule()).isEqualTo("disparagement-exposed");
        // a learned finding below the site threshold is no finding at all
        Finding weak = new Finding("disparagement", "DISP_READER", 0.5, "body", "x", "y", Finding.Span.NONE);
        assertThat(policy.decide(env, new Inspection(List.of(weak)), content).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void mailTheDetectorsCouldNotReadShouldPassByDefaultAndBeTaggedByTheDocumentedRule() {
        Finding unread = new Finding("unparseable", "UNPARSEABLE_LANGUAGE", 0.3, "body", "Cześć Tomek,",
                "the text is in a language the detectors do not read", Finding.Span.NONE);
        Envelope env = envelope("ann@northwind.example", "bob@northwind.example");
        assertThat(builtIn().decide(env, new Inspection(List.of(unread))).verdict()).isEqualTo(Verdict.PASS);
        RulePolicy tagging = policy("[rule not-read]\nfinding = unparseable >= 0.3\nverdict = TAG\n", false);
        assertThat(tagging.decide(env, new Inspection(List.of(unread))).verdict()).isEqualTo(Verdict.TAG);
    }

    @Test
    void learnedOnlyWithoutAFindingLineShouldBeRefusedNamingTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RulesFile.parse("test.rules",
                        "[rule x]\nlearned-only = true\nverdict = HOLD\n"))
                .hasMessageContaining("learned-only").hasMessageContaining("test.rules");
    }

    @Test
    void disparagementAmongColleaguesShouldBeHeldForTheSenderAndReleasedAtTheDeadline() {
        RulePolicy policy = builtIn();
        Decision d = policy.decide(envelope("ann@northwind.example", "bob@northwind.example"),
                new Inspection(List.of(finding("disparagement", 0.7))));
        assertThat(d.verdict()).isEqualTo(Verdict.HOLD);
        assertThat(d.rule()).isEqualTo("disparagement-internal");
        assertThat(policy.terms(d).deadline()).isEqualTo(Duration.ofHours(8));
        assertThat(policy.terms(d).atDeadline()).isEqualTo(Hold.AtDeadline.RELEASE);
    }

    @Test
    void bareDetectorNameShouldUseTheSiteThreshold() {
        Decision below = builtIn().decide(envelope("ann@northwind.example", "bob@northwind.example"),
                new Inspection(List.of(finding("disparagement", 0.55))));
        assertThat(below.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void customerCopiedShouldNeedAnInternalOnlyToHeader() {
        String rules = "[rule copied]\ncustomer-copied = true\nverdict = HOLD\n";
        Envelope env = envelope("ann@northwind.example", "bob@northwind.example", "joan@client.example");
        assertThat(policy(rules, false).decide(env, Inspection.NOTHING,
                mail("bob@northwind.example", "joan@client.example")).verdict()).isEqualTo(Verdict.HOLD);
        assertThat(policy(rules, false).decide(env, Inspection.NOTHING,
                mail("joan@client.example", "bob@northwind.example")).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void firstMatchingRuleShouldDecideAndSenderGroupsAndExemptionsApply() {
        String rules = """
                [group execs]
                members = ceo@northwind.example
                [rule execs-pass]
                sender = group:execs
                verdict = PASS
                [rule partner-tag]
                recipient-domain = linenco.example
                unless-sender = @legal.northwind.example
                verdict = TAG
                tag-subject = "[Partner] "
                [rule all]
                verdict = HOLD
                """;
        RulePolicy p = policy(rules, false);
        assertThat(p.decide(envelope("ceo@northwind.example", "x@linenco.example"), Inspection.NOTHING).rule())
                .isEqualTo("execs-pass");
        Decision tag = p.decide(envelope("ann@northwind.example", "x@linenco.example"), Inspection.NOTHING);
        assertThat(tag.verdict()).isEqualTo(Verdict.TAG);
        assertThat(p.terms(tag).subjectPrefix()).hasValue("[Partner] ");
        assertThat(p.decide(envelope("lee@legal.northwind.example", "x@linenco.example"), Inspection.NOTHING).rule())
                .isEqualTo("all");
    }

    @Test
    void allowListedSenderShouldPassWhateverIsFound() {
        String rules = "[policy]\nallow-senders = @board.northwind.example\n[rule all]\nfinding = blame >= 0.1\nverdict = REJECT\n";
        Decision d = policy(rules, false).decide(envelope("chair@board.northwind.example", "x@client.example"),
                new Inspection(List.of(finding("blame", 0.99))));
        assertThat(d.verdict()).isEqualTo(Verdict.PASS);
        assertThat(d.rule()).isEqualTo("allow-list");
    }

    @Test
    void ruleShouldApplyOnlyBetweenItsDates() {
        String rules = "[rule old]\nuntil = 2026-06-14\nverdict = HOLD\n[rule soon]\nfrom = 2026-06-16\nverdict = BOUNCE\n"
                + "[rule now]\nfrom = 2026-06-15\nuntil = 2026-06-15\nverdict = QUARANTINE\n";
        assertThat(policy(rules, false).decide(envelope("a@northwind.example", "b@client.example"), Inspection.NOTHING)
                .rule()).isEqualTo("now");
    }

    @Test
    void detectorErrorShouldHoldUnlessTheRuleFailsOpen() {
        Inspection failed = new Inspection(List.of(new Finding("unparseable", 1.0, "message", "boom",
                "detection failed on this message")));
        String closed = "[rule blame]\nfinding = blame >= 0.5\nverdict = HOLD\n";
        String open = "[rule blame]\nfinding = blame >= 0.5\non-error = pass\nverdict = HOLD\n[policy]\non-detector-error = pass\n";
        Envelope env = envelope("a@northwind.example", "b@client.example");
        assertThat(policy(closed, false).decide(env, failed).rule()).isEqualTo("blame");
        assertThat(policy(open, false).decide(env, failed).verdict()).isEqualTo(Verdict.PASS);
        assertThat(policy("[rule x]\nfinding = blame\non-error = pass\nverdict = HOLD\n", false).decide(env, failed).rule())
                .isEqualTo("detector-error");
    }

    @Test
    void monitorModeShouldKeepTheVerdictAndMarkTheTermsSiteWideOrPerRule() {
        String rules = "[rule watch]\nfinding = blame\nmonitor = true\nverdict = HOLD\n[rule hold]\nfinding = exposure\nverdict = HOLD\n";
        Envelope env = envelope("a@northwind.example", "b@client.example");
        RulePolicy p = policy(rules, false);
        Decision watched = p.decide(env, new Inspection(List.of(finding("blame", 0.9))));
        Decision held = p.decide(env, new Inspection(List.of(finding("exposure", 0.9))));
        assertThat(watched.verdict()).isEqualTo(Verdict.HOLD);
        assertThat(p.terms(watched).monitor()).isTrue();
        assertThat(p.terms(held).monitor()).isFalse();
        assertThat(policy(rules, true).terms(held).monitor()).isTrue();
    }

    @Test
    void badFileShouldNameTheLineAndKey() {
        assertThatThrownBy(() -> RulesFile.parse("p.rules", "[rule a]\nverdict = HOLD\ndeadline = soon\n"))
                .hasMessageContaining("p.rules:3").hasMessageContaining("deadline");
        assertThatThrownBy(() -> RulesFile.parse("p.rules", "[rule a]\nverdikt = HOLD\n"))
                .hasMessageContaining("p.rules:2").hasMessageContaining("unknown key");
        assertThatThrownBy(() -> RulesFile.parse("p.rules", "[rule a]\nsender = group:nobody\nverdict = PASS\n"))
                .hasMessageContaining("[group nobody]");
    }
}
