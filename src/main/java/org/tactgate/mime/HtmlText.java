package org.tactgate.mime;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to plain text for detection: block elements become line breaks, {@code <blockquote>}
 * content is prefixed with "> " so quoted history is recognised like in plain text, scripts and
 * styles are dropped.
 *
 * <p>SECURITY: untrusted HTML is only parsed (jsoup, no network, no script execution).
 */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer", "td");
    private static final Set<String> SKIP = Set.of("script", "style", "head", "title");

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private HtmlText() {
    }

    static String toText(String html) {
        Element body = Jsoup.parse(html).body();
        StringBuilder out = new StringBuilder(html.length() / 2);
        body.traverse(new NodeVisitor() {
            private int quoteDepth;
            private int skipDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && skipDepth == 0) {
                    String s = t.getWholeText().replace('\u00a0', ' ');
                    s = SPACES.matcher(s).replaceAll(" ");
                    if (atLineStart(out)) {
                        s = s.stripLeading();
                        if (!s.isEmpty()) {
                            out.append("> ".repeat(quoteDepth));
                        }
                    }
                    out.append(s);
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (SKIP.contains(tag)) {
                        skipDepth++;
                    } else if (tag.equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        breakLine(out, tag);
                        if (tag.equals("blockquote")) {
                            quoteDepth++;
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (SKIP.contains(tag)) {
                        skipDepth--;
                    } else if (BLOCKS.contains(tag)) {
                        if (tag.equals("blockquote")) {
                            quoteDepth--;
                        }
                        breakLine(out, tag);
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean atLineStart(StringBuilder out) {
        return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    }

    private static void breakLine(StringBuilder out, String tag) {
        if (tag.equals("td")) {
            out.append(' ');
            return;
        }
        if (!atLineStart(out)) {
            out.append('\n');
        }
        if (tag.equals("p") && out.length() > 1 && out.charAt(out.length() - 2) != '\n') {
            out.append('\n');
        }
    }
}
