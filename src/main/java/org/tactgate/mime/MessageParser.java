package org.tactgate.mime;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw RFC 5322 bytes into a {@link ParsedMessage}: decoded subject, addresses with display
 * names, every text part decoded and split into the author's text, quoted history and signature.
 * Never throws: a message that cannot be read comes back with {@link ParsedMessage#problem()} set.
 * Stateless and thread-safe.
 *
 * <p>SECURITY: the bytes come from the network. Jakarta Mail runs in its lenient modes, nesting
 * and part counts are bounded, each part is read up to {@link BodyDecoder#MAX_BYTES}, and HTML is
 * only parsed, never rendered or fetched from.
 */
public final class MessageParser {
    private static final int MAX_NESTING = 12;
    private static final int MAX_PARTS = 200;
    private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+:");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Session SESSION = Session.getInstance(lenient());

    private static Properties lenient() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    public ParsedMessage parse(byte[] raw) {
        if (!startsWithHeader(raw)) {
            return ParsedMessage.unparseable("no RFC 5322 header section");
        }
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Content content = new Content();
            walk(message, content, 0);
            List<TextBlock> blocks = new ArrayList<>();
            String subject = subject(message);
            if (!subject.isBlank()) {
                blocks.add(new TextBlock(TextBlock.Kind.SUBJECT, subject, Optional.empty(), 0,
                        List.of(new Sentence(subject, 0, subject.length(), 0))));
            }
            blocks.addAll(HistorySplitter.split(content.body.toString()));
            blocks.addAll(content.extra);
            List<org.tactgate.mime.Address> bcc = new ArrayList<>(addresses(message, "Bcc"));
            bcc.addAll(addresses(message, "X-Envelope-Bcc"));
            List<org.tactgate.mime.Address> from = addresses(message, "From");
            return new ParsedMessage(Optional.empty(), subject, from.stream().findFirst(),
                    addresses(message, "To"), addresses(message, "Cc"), bcc, blocks);
        } catch (MessagingException | IOException | RuntimeException e) {
            return ParsedMessage.unparseable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Collects text while walking the MIME tree. */
    private static final class Content {
        final StringBuilder body = new StringBuilder();
        final List<TextBlock> extra = new ArrayList<>();
        int parts;
    }

    private void walk(Part part, Content content, int depth) throws MessagingException, IOException {
        if (depth > MAX_NESTING || ++content.parts > MAX_PARTS) {
            return;
        }
        String type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (type.startsWith("multipart/")) {
            Object body = part.getContent();
            if (!(body instanceof Multipart multipart)) {
                return;
            }
            if (type.startsWith("multipart/alternative")) {
                Part chosen = preferred(multipart);
                if (chosen != null) {
                    walk(chosen, content, depth + 1);
                }
                return;
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), content, depth + 1);
            }
        } else if (type.startsWith("message/rfc822")) {
            forwarded(part, content);
        } else if (type.startsWith("text/")) {
            String text = BodyDecoder.text(part);
            if (type.startsWith("text/html")) {
                text = HtmlText.toText(text);
            }
            if (attachment) {
                String t = text.strip();
                if (!t.isEmpty()) {
                    content.extra.add(new TextBlock(TextBlock.Kind.ATTACHMENT, t, Optional.empty(), 0, SentenceSplitter.split(t)));
                }
            } else {
                if (content.body.length() > 0) {
                    content.body.append("\n\n");
                }
                content.body.append(text);
            }
        }
    }

    /** A forwarded message attached whole: its text is history written by its own sender. */
    private void forwarded(Part part, Content content) throws MessagingException, IOException {
        try (var in = part.getInputStream()) {
            ParsedMessage inner = parse(in.readNBytes(BodyDecoder.MAX_BYTES));
            for (TextBlock b : inner.blocks()) {
                if (b.kind() == TextBlock.Kind.SUBJECT) {
                    continue;
                }
                TextBlock.Kind kind = b.kind() == TextBlock.Kind.AUTHOR ? TextBlock.Kind.QUOTED : b.kind();
                Optional<org.tactgate.mime.Address> author = b.author().isPresent() ? b.author() : inner.from();
                content.extra.add(new TextBlock(kind, b.text(), author, b.depth() + 1, b.sentences()));
            }
        }
    }

    private static Part preferred(Multipart alternatives) throws MessagingException {
        Part html = null;
        Part other = null;
        for (int i = 0; i < alternatives.getCount(); i++) {
            Part p = alternatives.getBodyPart(i);
            String t = p.getContentType() == null ? "" : p.getContentType().toLowerCase(Locale.ROOT);
            if (t.startsWith("text/plain")) {
                return p;
            } else if (t.startsWith("text/html")) {
                html = p;
            } else if (t.startsWith("multipart/") && other == null) {
                other = p;
            }
        }
        return html != null ? html : other;
    }

    private static String subject(MimeMessage message) {
        try {
            String s = message.getSubject();
            return s == null ? "" : s.strip();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static List<org.tactgate.mime.Address> addresses(MimeMessage message, String header) {
        List<org.tactgate.mime.Address> out = new ArrayList<>();
        String[] values;
        try {
            values = message.getHeader(header);
        } catch (MessagingException e) {
            return out;
        }
        if (values == null) {
            return out;
        }
        for (String value : values) {
            try {
                for (Address a : InternetAddress.parseHeader(value, false)) {
                    if (a instanceof InternetAddress ia && ia.getAddress() != null && ia.getAddress().contains("@")) {
                        out.add(new org.tactgate.mime.Address(ia.getAddress(), ia.getPersonal()));
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                // a malformed list still names its addresses: keep them without display names
                Matcher m = EMAIL.matcher(decode(value));
                while (m.find()) {
                    out.add(new org.tactgate.mime.Address(m.group(), ""));
                }
            }
        }
        return out;
    }

    private static String decode(String header) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (IOException | RuntimeException e) {
            return header;
        }
    }

    private static boolean startsWithHeader(byte[] raw) {
        int i = 0;
        while (i < raw.length && (raw[i] == '\r' || raw[i] == '\n')) {
            i++;
        }
        int end = Math.min(raw.length, i + 1000);
        StringBuilder line = new StringBuilder();
        for (int k = i; k < end && raw[k] != '\n' && raw[k] != '\r'; k++) {
            line.append((char) (raw[k] & 0xff));
        }
        return HEADER_LINE.matcher(line).find();
    }
}
