package org.tactgate.web;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.util.Optional;

/**
 * A message's Subject, From and Date for lists, read from its header block only.
 *
 * <p>SECURITY: the bytes are a stranger's; decoding failures give the raw text, never an error,
 * and the values go to templates that escape them.
 */
public record MailSummary(String subject, String from, String date) {
    static final MailSummary EMPTY = new MailSummary("", "", "");

    static MailSummary of(Optional<byte[]> content) {
        if (content.isEmpty()) {
            return EMPTY;
        }
        try {
            InternetHeaders h = new InternetHeaders(new ByteArrayInputStream(content.get()));
            return new MailSummary(decoded(h.getHeader("Subject", " ")), decoded(h.getHeader("From", ", ")),
                    Optional.ofNullable(h.getHeader("Date", " ")).orElse(""));
        } catch (MessagingException e) {
            return EMPTY;
        }
    }

    static String decoded(String value) {
        if (value == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }
}
