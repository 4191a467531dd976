package org.tactgate.web;

import java.util.List;

/**
 * What the message view shows of a mail: its headers, its text with evidence marked, its HTML
 * part sanitised (empty when there is none), the attachments it lists but never opens, and
 * whether the bytes could be parsed at all.
 */
public record MailPreview(List<Header> headers, List<TextSpan> text, String safeHtml, int blockedImages,
                          List<Attachment> attachments, List<EvidenceInContext> evidence, String problem) {

    public record Header(String name, String value) {
    }

    public record Attachment(String name, String type, String size) {
    }

    public boolean hasHtml() {
        return !safeHtml.isEmpty();
    }
}
