package org.tactgate.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tactgate.message.MessageId;

/**
 * Signs and checks the tokens of one-click links, and the stamp a released message carries.
 * A token is {@code <message id>.<action>.<expiry, epoch seconds>.<signature>}, the signature
 * being HMAC-SHA256 over the first three fields, base64url without padding: readable in a URL,
 * and any change to the id, action or expiry breaks it.
 *
 * <p>SECURITY: tokens come from anyone's browser or mail scanner. Parsing is strict (four
 * fields, known action, numeric expiry, valid id), the signature is compared in constant time
 * before anything else is trusted, and expiry is checked against this node's clock. Single use
 * is not checked here: the store records spent signatures in the same transaction as the action.
 * Thread-safe (a Mac is created per call).
 */
public final class LinkSigner {
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;

    /** What checking a token found. */
    public enum Problem { MALFORMED, FORGED, EXPIRED }

    /** Either a valid token or the problem with it. */
    public record Check(java.util.Optional<LinkToken> token, java.util.Optional<Problem> problem) {
        static Check ok(LinkToken t) {
            return new Check(java.util.Optional.of(t), java.util.Optional.empty());
        }

        static Check bad(Problem p) {
            return new Check(java.util.Optional.empty(), java.util.Optional.of(p));
        }
    }

    public LinkSigner(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the link key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), HMAC);
        this.clock = clock;
    }

    public String sign(MessageId id, LinkAction action, Instant expires) {
        String payload = id.value() + "." + action.word() + "." + expires.getEpochSecond();
        return payload + "." + mac(payload);
    }

    public Check check(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4) {
            return Check.bad(Problem.MALFORMED);
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Check.bad(Problem.FORGED);
        }
        // signed by us, so the fields are ours; parse them defensively all the same
        try {
            MessageId id = new MessageId(parts[0]);
            LinkAction action = LinkAction.ofWord(parts[1]).orElseThrow(IllegalArgumentException::new);
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!clock.instant().isBefore(expires)) {
                return Check.bad(Problem.EXPIRED);
            }
            return Check.ok(new LinkToken(id, action, expires, parts[3]));
        } catch (IllegalArgumentException e) {
            return Check.bad(Problem.MALFORMED);
        }
    }

    /** The value of {@code X-Tactgate-Released} for a released message. */
    public String releaseStamp(MessageId id) {
        return id.value() + "; " + mac("released." + id.value());
    }

    /** True if {@code value} is a release stamp this key made. */
    public boolean isReleaseStamp(String value) {
        String[] parts = value.strip().split(";\\s*", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9a-z]{10,40}")) {
            return false;
        }
        return MessageDigest.isEqual(mac("released." + parts[0]).getBytes(StandardCharsets.US_ASCII),
                parts[1].getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
