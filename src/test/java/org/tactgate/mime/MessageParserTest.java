package org.tactgate.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class MessageParserTest {
    private final MessageParser parser = new MessageParser();

    private ParsedMessage fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/eml/" + name)) {
            return parser.parse(in.readAllBytes());
        }
    }

    private static String text(ParsedMessage m, TextBlock.Kind kind) {
        return String.join("\n", m.blocks(kind).stream().map(TextBlock::text).toList());
    }

    @Test
    void quotedPrintableBodyAndEncodedSubjectAreDecoded() throws IOException {
        ParsedMessage m = fixture("qp-rfc2047.eml");
        assertThat(m.parsed()).isTrue();
        assertThat(m.subject()).isEqualTo("Café booking – Friday");
        assertThat(text(m, TextBlock.Kind.AUTHOR)).contains("café is booked").contains("look forward to seeing you");
        assertThat(text(m, TextBlock.Kind.SIGNATURE)).startsWith("Kind regards");
        assertThat(m.to()).extracting(Address::displayName).containsExactly("Oscar Delgado");
    }

    @Test
    void base64BodyIsDecoded() throws IOException {
        assertThat(text(fixture("base64.eml"), TextBlock.Kind.AUTHOR)).contains("revised schedule for the Lisbon trip");
    }

    @Test
    void htmlOnlyMessageBecomesTextWithBlockquoteAsHistory() throws IOException {
        ParsedMessage m = fixture("html-only.eml");
        assertThat(text(m, TextBlock.Kind.AUTHOR)).contains("summer party is on Friday").doesNotContain("color: red");
        assertThat(text(m, TextBlock.Kind.QUOTED)).contains("Old news quoted here.");
    }

    @Test
    void outlookForwardSeparatesHistoryWithItsAuthor() throws IOException {
        ParsedMessage m = fixture("outlook-forward.eml");
        assertThat(text(m, TextBlock.Kind.AUTHOR)).contains("Please see the quote below").doesNotContain("Price is final");
        TextBlock quoted = m.blocks(TextBlock.Kind.QUOTED).get(0);
        assertThat(quoted.text()).contains("Price is final");
        assertThat(quoted.author()).map(Address::email).contains("tom@globex.example");
    }

    @Test
    void angleQuotedReplyKeepsEachLevelsAuthor() throws IOException {
        ParsedMessage m = fixture("reply-quoted.eml");
        assertThat(text(m, TextBlock.Kind.AUTHOR)).isEqualTo("Hi Oscar, the 12th works for us.");
        assertThat(m.blocks(TextBlock.Kind.QUOTED))
                .extracting(b -> b.author().map(Address::email).orElse("?"), TextBlock::depth)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("oscar.d@mailbox.example", 1),
                        org.assertj.core.groups.Tuple.tuple("marta@globex.example", 2));
    }

    @Test
    void unknownCharsetFallsBackWithoutLosingText() throws IOException {
        assertThat(text(fixture("broken-charset.eml"), TextBlock.Kind.AUTHOR)).contains("crème brûlée");
    }

    @Test
    void garbageBytesYieldAProblemInsteadOfAnException() throws IOException {
        ParsedMessage m = fixture("garbage.eml");
        assertThat(m.parsed()).isFalse();
        assertThat(m.problem()).isPresent();
    }

    @Test
    void sentencesCarryOffsetsIntoTheirBlock() throws IOException {
        TextBlock body = fixture("qp-rfc2047.eml").blocks(TextBlock.Kind.AUTHOR).get(0);
        assertThat(body.sentences()).hasSizeGreaterThanOrEqualTo(3);
        for (Sentence s : body.sentences()) {
            assertThat(body.text().substring(s.start(), s.end()).replaceAll("\\s+", " ")).isEqualTo(s.text());
        }
    }

    @Test
    void aLastLineWithoutAFullStopIsStillASentence() {
        ParsedMessage m = parser.parse("""
                From: a@globex.example\r
                To: b@globex.example\r
                Subject: chat\r
                \r
                lol they want it for free again\r
                these guys never pay for anything, total freeloaders\r
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(m.blocks(TextBlock.Kind.AUTHOR).get(0).sentences()).extracting(Sentence::text)
                .contains("lol they want it for free again these guys never pay for anything, total freeloaders");
    }
}
