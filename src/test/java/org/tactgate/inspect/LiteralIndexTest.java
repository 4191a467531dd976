package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiteralIndexTest {

    @Test
    void findsEveryLiteralIncludingOnesInsideOthers() {
        LiteralIndex.Builder b = new LiteralIndex.Builder();
        int he = b.id("he");
        int she = b.id("she");
        int hers = b.id("hers");
        int quote = b.id("“");
        int absent = b.id("zebra");
        Literals found = b.build().scan("ushers say “hi”");
        assertThat(found.has(he)).isTrue();
        assertThat(found.has(she)).isTrue();
        assertThat(found.has(hers)).isTrue();
        assertThat(found.has(quote)).isTrue();
        assertThat(found.has(absent)).isFalse();
    }
}
