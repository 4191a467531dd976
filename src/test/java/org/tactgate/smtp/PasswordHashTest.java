package org.tactgate.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void verifyShouldAcceptTheHashedPasswordAndRejectOthers() {
        PasswordHash hash = PasswordHash.hash("correct horse".toCharArray(), 1000);
        assertThat(hash.verify("correct horse".toCharArray())).isTrue();
        assertThat(hash.verify("correct horsf".toCharArray())).isFalse();
        assertThat(hash.verify(new char[0])).isFalse();
    }

    @Test
    void encodedFormShouldRoundTripThroughParse() {
        PasswordHash hash = PasswordHash.hash("pässwörd".toCharArray(), 1234);
        String encoded = hash.toString();
        assertThat(encoded).matches("pbkdf2-sha256\\$1234\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");
        assertThat(PasswordHash.parse(encoded).verify("pässwörd".toCharArray())).isTrue();
    }

    @Test
    void samePasswordShouldGetDifferentSalts() {
        assertThat(PasswordHash.hash("x".toCharArray(), 10).toString())
                .isNotEqualTo(PasswordHash.hash("x".toCharArray(), 10).toString());
    }

    @Test
    void defaultHashShouldUseTheDefaultIterationCount() {
        assertThat(PasswordHash.hash("x".toCharArray()).iterations()).isEqualTo(PasswordHash.DEFAULT_ITERATIONS);
    }

    @Test
    void parseShouldAcceptAHashMadeWithOpenSslStyleBase64Padding() {
        String padded = "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$" + "A".repeat(43) + "=";
        assertThat(PasswordHash.parse(padded).iterations()).isEqualTo(1000);
    }

    @Test
    void parseShouldSayWhatIsWrong() {
        assertThatThrownBy(() -> PasswordHash.parse("plain-password")).hasMessageContaining("expected pbkdf2-sha256");
        assertThatThrownBy(() -> PasswordHash.parse("bcrypt$10$a$b")).hasMessageContaining("expected pbkdf2-sha256");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$many$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA"))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$0$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA"))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$99999999$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA"))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$!!!$AAAA")).hasMessageContaining("base64");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$AAAA$AAAA")).hasMessageContaining("too short");
    }
}
