package org.tactgate.inspect;

import org.tactgate.message.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnparseableDetectorTest {

    @Test
    void garbageBytesGiveAnUnparseableFinding() {
        byte[] junk = "\u0000\u0001 not a mail at all".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TestSite.inspect(junk)).extracting(Finding::detector).containsExactly("unparseable");
    }

    @Test
    void aNormalMailGivesNoUnparseableFinding() {
        assertThat(TestSite.score("unparseable", TestSite.mail("Hello Tom.", "To: tom@globex.example"))).isZero();
    }
}
