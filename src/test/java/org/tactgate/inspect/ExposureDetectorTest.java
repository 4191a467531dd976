package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tactgate.inspect.TestSite.mail;
import static org.tactgate.inspect.TestSite.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExposureDetectorTest {
    private static final double THRESHOLD = 0.5;
    private static final String TO_COLLEAGUE = "To: Tom Reyes <tom@globex.example>";
    private static final String CC_JOAN = "Cc: Joan Whitley <joan@parkwaydental.example>";

    @Test
    void firesWhenColleaguesDiscussACopiedCustomersDebt() {
        String body = "Tom,\n\nParkway's invoice is 60 days overdue and Joan hasn't replied. Please put them on stop.\n\nAna\n";
        assertThat(score("exposure", mail(body, TO_COLLEAGUE, CC_JOAN))).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void firesWhenTheCustomerIsOnlyInXEnvelopeBcc() {
        String body = "Tom,\n\nOscar was unwell overnight; the doctor's fee goes on his room account.\n";
        assertThat(score("exposure", mail(body, TO_COLLEAGUE, "X-Envelope-Bcc: oscar.d@mailbox.example")))
                .isGreaterThanOrEqualTo(THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Tom,\n\nBetween us, Joan will sign if we hold the price another week.\n",
            "Tom,\n\nJoan's practice had the outage too. Don't mention the March incident unless she raises it.\n",
            "Tom,\n\nParkway's budget was cut, so Joan will push hard for a discount. We have room to go to 20%.\n",
            // the same topics in the languages the lexicons read
            "Tom,\n\nJoan hat noch zwei offene Rechnungen, bitte keine Lieferung mehr.\n",
            "Tom,\n\nJoan tiene pagos atrasados desde marzo; habla con cobranza.\n",
            "Tom,\n\nEntre nous, Joan va résilier si on ne baisse pas le prix.\n"})
    void firesWhenColleaguesShareTacticsOrAsidesAboutACopiedCustomer(String body) {
        assertThat(score("exposure", mail(body, TO_COLLEAGUE, CC_JOAN))).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void firesWhenACopiedCustomerIsTheSubjectOfSeveralSentencesEvenWithoutASensitiveWord() {
        String body = "Tom,\n\nCould you take over Joan from Monday? Joan prefers the early slots and Joan's "
                + "paperwork is with reception.\n\nAna\n";
        assertThat(score("exposure", mail(body, TO_COLLEAGUE, CC_JOAN))).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Tom,\n\nI'm copying Joan so she can confirm the date. The room is booked for 3pm.\n\nAna\n",
            "Tom,\n\nI've copied Joan here. She will confirm the date with you directly.\n\nAna\n",
            "Tom,\n\nLooping in Joan, who asked to be kept in the loop. She'll send the floor plan.\n\nAna\n"})
    void passesWhenTheCopiedCustomerIsOnlyBroughtIntoTheConversation(String body) {
        assertThat(score("exposure", mail(body, TO_COLLEAGUE, CC_JOAN))).isLessThan(THRESHOLD);
    }

    @Test
    void passesAnIntroduction() {
        String body = "Tom, Joan,\n\nIntroducing you both: Joan runs events at Parkway and has paid every balance on time.\n";
        assertThat(score("exposure", mail(body, TO_COLLEAGUE, CC_JOAN))).isLessThan(THRESHOLD);
    }

    @Test
    void passesMailToTheCustomerWithAColleagueCopied() {
        String body = "Dear Joan,\n\nYour balance is cleared, thank you. I've copied Tom so he knows.\n";
        assertThat(score("exposure", mail(body, "To: Joan Whitley <joan@parkwaydental.example>",
                "Cc: Tom Reyes <tom@globex.example>"))).isZero();
    }

    @Test
    void aBareMentionOfTheCopiedCustomerIsNotEnough() {
        String body = "Tom,\n\nJoan will join the call on Thursday at 10.\n";
        assertThat(score("exposure", mail(body, TO_COLLEAGUE, CC_JOAN))).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Joan will cave once we mention the costs order; Parkway cannot afford to change suppliers now.",
            "Joan's position is weaker than she thinks, and she tends to react badly to bad news.",
            "Joan has returned 6 orders. I think we quietly stop the free shipping for her. She probably won't notice.",
            "Parkway are late again, let's put them on prepay from the next order.",
            "Joan will sign whatever we put in front of her, so add the extended retainer."})
    void firesOnPlansAboutACopiedCustomerOrGuessesAtTheirReactions(String body) {
        assertThat(score("exposure", mail(body, TO_COLLEAGUE, CC_JOAN))).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I'm copying Joan so she can confirm the date; I think she will agree to Tuesday.",
            "Joan asked for the new price list, please send it to her today."})
    void passesAPlainMentionOfACopiedCustomer(String body) {
        assertThat(score("exposure", mail(body, TO_COLLEAGUE, CC_JOAN))).isLessThan(THRESHOLD);
    }

    /**
     * The case the product exists for: a planner tells her boss, with the couple copied, that she
     * is stalling their booking because they are not the hotel's kind of people. The text never
     * names them ("they", "the bride"), so the pronouns and roles must be read as the copied couple.
     */
    @Test
    void firesWhenColleaguesDisparageACopiedCustomerNamedOnlyByPronounsAndRoles() {
        String body = "Hi Tom,\n\nI'm trying to put the wedding off for as long as I can. I don't think they are "
                + "the type of people the hotel would want, and the bride keeps changing her mind.\n\nAna\n";
        var findings = TestSite.inspect(mail(body, TO_COLLEAGUE, "Cc: Oscar Delgado <oscar.d@mailbox.example>, "
                + "Lena Delgado <lena.d@mailbox.example>"));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.symbol()).isEqualTo("EXPOSURE_DISPARAGED");
            assertThat(f.score()).isGreaterThanOrEqualTo(THRESHOLD);
        });
        assertThat(findings).anySatisfy(f -> assertThat(f.evidence()).contains("type of people"));
    }

    @Test
    void passesTheSameWordsAboutASupplierWithNoCustomerCopied() {
        String body = "Hi Tom,\n\nI don't think they are the type of supplier the hotel would want; "
                + "QuickFreight lost two pallets again.\n\nAna\n";
        assertThat(score("exposure", mail(body, TO_COLLEAGUE))).isLessThan(THRESHOLD);
    }

    private static final String TO_JOAN = "To: Joan Whitley <joan@parkwaydental.example>";

    /** A forward To the customer whose colleagues' part plans about her or keeps something from her. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Joan won't know the difference anyway, she never reads the logs.",
            "Between us, the outage was our config push. Don't go into detail with her.",
            "Joan will sign whatever we put in front of her."})
    void firesWhenQuotedHistorySentToTheCustomerPlansAboutHer(String remark) {
        assertThat(symbolsOf(mail(forwardToJoan(remark), TO_JOAN))).contains("EXPOSURE_QUOTED");
    }

    /** Her own invoice or health quoted back to her is her business; so is a plain instruction. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Joan's invoice is 60 days overdue; please send her the statement.",
            "Honestly Joan has been great about the delay, send her the report.",
            "Joan asked for the RCA, can you send it today?"})
    void staysQuietWhenQuotedHistoryIsHerOwnBusiness(String remark) {
        assertThat(symbolsOf(mail(forwardToJoan(remark), TO_JOAN))).doesNotContain("EXPOSURE_QUOTED");
    }

    /** A staff nickname for her, in history she is sent: said to her face, in effect. */
    @Test
    void aNicknameInHistorySentToTheCustomerIsDisparagement() {
        assertThat(symbolsOf(mail(forwardToJoan("Clipboard Queen wants the report again, send it."), TO_JOAN)))
                .contains("DISP_NICKNAME");
        assertThat(symbolsOf(mail(forwardToJoan("Please stop calling her 'Clipboard Queen', send the report."), TO_JOAN)))
                .doesNotContain("DISP_NICKNAME");
        assertThat(symbolsOf(mail(forwardToJoan("Clipboard Queen wants the report again, send it."),
                "To: Tom Reyes <tom@globex.example>"))).doesNotContain("DISP_NICKNAME");
    }

    /** A forward To Joan whose quoted part, written by a colleague, carries {@code remark}. */
    static String forwardToJoan(String remark) {
        return "Dear Joan,\n\nAs requested, the report is below.\n\nAna\n\n-----Original Message-----\n"
                + "From: Tom Reyes <tom@globex.example>\nSent: Monday, 1 April 2024 09:00\n"
                + "To: Ana Costa <ana@globex.example>\nSubject: report\n\nAna,\n\n" + remark + "\n\nTom\n";
    }

    static java.util.List<String> symbolsOf(byte[] mail) {
        return TestSite.inspect(mail).stream().map(org.tactgate.message.Finding::symbol).toList();
    }
}
