package org.tactgate.mime;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;

/**
 * Undoes a part's Content-Transfer-Encoding. Done here rather than through Jakarta Mail's
 * decoders because those look up a stream provider with a ServiceLoader on every call, which
 * costs more than parsing the whole message. Lenient: stray characters in base64 are skipped,
 * a broken "=XY" escape in quoted-printable is kept as written, unknown encodings pass through.
 *
 * <p>SECURITY: input is untrusted; output is never larger than input.
 */
final class TransferDecoding {

    private TransferDecoding() {
    }

    static byte[] decode(byte[] raw, String encoding) {
        String e = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "base64" -> base64(raw);
            case "quoted-printable" -> quotedPrintable(raw);
            default -> raw;
        };
    }

    private static byte[] base64(byte[] raw) {
        byte[] clean = new byte[raw.length];
        int n = 0;
        for (byte b : raw) {
            if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/') {
                clean[n++] = b;
            }
        }
        n -= n % 4 == 1 ? 1 : 0; // a lone trailing sextet cannot encode a byte
        try {
            return Base64.getDecoder().decode(java.nio.ByteBuffer.wrap(clean, 0, n)).array();
        } catch (IllegalArgumentException ex) {
            return new byte[0];
        }
    }

    private static byte[] quotedPrintable(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            if (i + 1 < raw.length && raw[i + 1] == '\n') {
                i += 1; // soft line break
            } else if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}
