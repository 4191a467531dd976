package org.tactgate.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tactgate.message.MessageId;

class LinkSignerTest {
    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private final byte[] key = new byte[32];
    private final LinkSigner signer = new LinkSigner(key, Clock.fixed(NOW, ZoneOffset.UTC));
    private final MessageId id = MessageId.next();

    @Test
    void signedTokenShouldCheckBackToItsMessageActionAndExpiry() {
        String token = signer.sign(id, LinkAction.SEND, NOW.plusSeconds(60));
        LinkToken t = signer.check(token).token().orElseThrow();
        assertThat(t.id()).isEqualTo(id);
        assertThat(t.action()).isEqualTo(LinkAction.SEND);
        assertThat(t.expires()).isEqualTo(NOW.plusSeconds(60));
        assertThat(token).matches("[0-9a-z]+\\.send\\.[0-9]+\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void alteredActionMessageOrExpiryShouldBeForged() {
        String token = signer.sign(id, LinkAction.CANCEL, NOW.plusSeconds(60));
        String[] p = token.split("\\.");
        assertThat(signer.check(p[0] + ".send." + p[2] + "." + p[3]).problem()).hasValue(LinkSigner.Problem.FORGED);
        assertThat(signer.check(MessageId.next() + ".cancel." + p[2] + "." + p[3]).problem())
                .hasValue(LinkSigner.Problem.FORGED);
        assertThat(signer.check(p[0] + ".cancel." + (Long.parseLong(p[2]) + 3600) + "." + p[3]).problem())
                .hasValue(LinkSigner.Problem.FORGED);
    }

    @Test
    void tokenSignedWithAnotherKeyShouldBeForged() {
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 7);
        String token = new LinkSigner(other, Clock.fixed(NOW, ZoneOffset.UTC)).sign(id, LinkAction.SEND, NOW.plusSeconds(60));
        assertThat(signer.check(token).problem()).hasValue(LinkSigner.Problem.FORGED);
    }

    @Test
    void tokenAtOrPastItsExpiryShouldBeExpired() {
        assertThat(signer.check(signer.sign(id, LinkAction.SEND, NOW)).problem()).hasValue(LinkSigner.Problem.EXPIRED);
    }

    @Test
    void garbageShouldBeMalformedNotAnException() {
        assertThat(signer.check("").problem()).hasValue(LinkSigner.Problem.MALFORMED);
        assertThat(signer.check("a.b.c.d.e").problem()).hasValue(LinkSigner.Problem.MALFORMED);
        assertThat(signer.check("x.y.z.w").problem()).hasValue(LinkSigner.Problem.FORGED);
    }

    @Test
    void releaseStampShouldBeRecognisedOnlyWhenUnaltered() {
        String stamp = signer.releaseStamp(id);
        assertThat(signer.isReleaseStamp(stamp)).isTrue();
        assertThat(signer.isReleaseStamp(MessageId.next() + stamp.substring(stamp.indexOf(';')))).isFalse();
        assertThat(signer.isReleaseStamp("nonsense")).isFalse();
    }
}
