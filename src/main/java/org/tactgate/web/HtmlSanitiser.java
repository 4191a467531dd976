package org.tactgate.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes a mail's HTML safe to show inside a console page.
 *
 * <p>SECURITY: the HTML is a stranger's and possibly hostile. jsoup's relaxed safelist keeps
 * text structure (paragraphs, lists, tables, links) and drops everything else: scripts, event
 * handlers, {@code style} elements and attributes (no CSS tricks), forms, frames, SVG, and any
 * link whose protocol is not http, https or mailto ({@code javascript:} and {@code data:} go).
 * Images are replaced by a visible "[image blocked]" before cleaning, so no remote image loads
 * (and none tells the sender the mail was opened); links get {@code rel="noopener noreferrer
 * nofollow"}. The page's CSP is a second fence behind this one.
 */
final class HtmlSanitiser {
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

    /** Sanitised HTML and how many images were blocked. */
    record Result(String html, int blockedImages) {
    }

    private HtmlSanitiser() {
    }

    static Result clean(String html) {
        Document dirty = Jsoup.parse(html);
        int blocked = 0;
        for (Element img : dirty.select("img, image, picture, video, audio")) {
            String alt = img.attr("alt").strip();
            img.replaceWith(new Element("em").text(alt.isEmpty() ? "[image blocked]" : "[image blocked: " + alt + "]"));
            blocked++;
        }
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return new Result(clean.body().html(), blocked);
    }
}
