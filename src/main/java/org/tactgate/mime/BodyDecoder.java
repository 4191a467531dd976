package org.tactgate.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a text part's bytes (transfer encoding already undone by Jakarta Mail) as a string.
 * The declared charset is used when Java knows it; a missing, misspelt or unknown charset falls
 * back to strict UTF-8, then windows-1252, so bad labels never lose the text.
 *
 * <p>SECURITY: reads at most {@link #MAX_BYTES} of a part, so a huge part cannot exhaust memory.
 */
final class BodyDecoder {
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private BodyDecoder() {
    }

    static String text(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES);
        }
        return decode(bytes, declaredCharset(part));
    }

    static String decode(byte[] bytes, Optional<Charset> declared) {
        if (declared.isPresent()) {
            return new String(bytes, declared.get());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static Optional<Charset> declaredCharset(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name == null || name.isBlank()) {
                return Optional.empty();
            }
            String n = name.trim().replace("\"", "").toLowerCase(Locale.ROOT);
            // us-ascii labels often hide UTF-8 or Latin-1 bytes: let the fallback decide
            if (n.equals("us-ascii") || n.equals("ascii")) {
                return Optional.empty();
            }
            return Optional.of(Charset.forName(n));
        } catch (RuntimeException | MessagingException e) {
            return Optional.empty();
        }
    }
}
