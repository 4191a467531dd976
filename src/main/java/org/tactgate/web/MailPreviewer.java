package org.tactgate.web;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.tactgate.message.Finding;

/**
 * Turns raw message bytes into a {@link MailPreview} (Angus Mail for the MIME structure).
 *
 * <p>SECURITY: the bytes are a stranger's. Parts are walked to a bounded depth and count; text
 * is cut at {@link #MAX_TEXT} characters; attachments are listed by name, type and size and
 * never decoded or served; HTML goes through {@link HtmlSanitiser}; a malformed message gives a
 * preview with a problem sentence, never an exception.
 */
final class MailPreviewer {
    static final int MAX_TEXT = 200_000;
    private static final int MAX_DEPTH = 10;
    private static final int MAX_PARTS = 200;
    private static final int MAX_HEADERS = 200;
    private static final Session SESSION = Session.getInstance(new Properties());

    private final List<MailPreview.Header> headers = new ArrayList<>();
    private final List<MailPreview.Attachment> attachments = new ArrayList<>();
    private String text = "";
    private String html = "";
    private int parts;

    private MailPreviewer() {
    }

    static MailPreview preview(byte[] content, List<Finding> findings) {
        MailPreviewer p = new MailPreviewer();
        String problem = "";
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(content));
            p.readHeaders(message);
            p.walk(message, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            problem = "This message could not be fully parsed (" + e.getClass().getSimpleName()
                    + "); what could be read is shown.";
        }
        HtmlSanitiser.Result safe = HtmlSanitiser.clean(p.html);
        String body = !p.text.isBlank() ? p.text : Jsoup.parse(p.html).body().wholeText().strip();
        return new MailPreview(List.copyOf(p.headers), EvidenceMarks.mark(body, findings),
                p.html.isBlank() ? "" : safe.html(), safe.blockedImages(), List.copyOf(p.attachments),
                EvidenceMarks.contexts(body, findings), problem);
    }

    private void readHeaders(MimeMessage message) throws MessagingException {
        for (Header h : Collections.list((Enumeration<Header>) message.getAllHeaders())) {
            if (headers.size() >= MAX_HEADERS) {
                break;
            }
            headers.add(new MailPreview.Header(h.getName(), MailSummary.decoded(h.getValue())));
        }
    }

    private void walk(Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH || ++parts > MAX_PARTS) {
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, depth + 1);
            }
        } else if (isAttachment(part)) {
            attachments.add(new MailPreview.Attachment(nameOf(part), part.getContentType().split(";")[0].strip(),
                    size(part.getSize())));
        } else if (part.isMimeType("text/plain") && text.isEmpty()) {
            text = textOf(part);
        } else if (part.isMimeType("text/html") && html.isEmpty()) {
            html = textOf(part);
        } else if (!part.isMimeType("text/*")) {
            attachments.add(new MailPreview.Attachment(nameOf(part), part.getContentType().split(";")[0].strip(),
                    size(part.getSize())));
        }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
    }

    private static String nameOf(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? "(unnamed)" : MailSummary.decoded(name);
        } catch (MessagingException e) {
            return "(unreadable name)";
        }
    }

    /** The part's text in its charset; bytes as UTF-8 (lenient) when the charset is unknown. */
    private static String textOf(Part part) throws MessagingException, IOException {
        String t;
        try {
            Object content = part.getContent();
            t = content instanceof String s ? s : "";
        } catch (IOException e) {
            try (InputStream in = part.getInputStream()) {
                t = new String(in.readNBytes(MAX_TEXT * 4), StandardCharsets.UTF_8);
            }
        }
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : (bytes / (1024 * 1024)) + " MB";
    }
}
