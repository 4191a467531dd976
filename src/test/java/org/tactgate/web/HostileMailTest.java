package org.tactgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.message.Finding;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;

/**
 * A corpus of hostile HTML mails ({@code src/test/resources/web/hostile/}) rendered in the message
 * view: nothing in the page may run, load from elsewhere, restyle the console or navigate.
 */
class HostileMailTest {
    @TempDir
    static Path dir;
    static WebFixture web;
    static WebClient admin;

    @BeforeAll
    static void start() {
        web = new WebFixture(dir);
        admin = web.admin();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"script-tags.html", "event-handlers.html", "javascript-urls.html", "css-tricks.html",
            "remote-images.html", "page-breakout.html"})
    void hostileHtmlShouldRenderInert(String file) throws IOException {
        String html;
        try (InputStream in = getClass().getResourceAsStream("/web/hostile/" + file)) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String subject = "<script>alert('subject')</script> " + file;
        NewMessage m = web.add(TestMail.message(MessageState.QUARANTINED, "\"<b>x</b>\"@evil.example",
                "couple@example.com", Instant.now(), TestMail.html(subject, html),
                new Finding("disparagement", 0.9, "body", "<b onmouseover=alert(9)>they are cheap</b>", "<i>why</i>")));

        WebClient.Response r = admin.get("/console/messages/" + m.id());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Security-Policy")).contains("script-src 'none'").contains("img-src 'self' data:");
        Document page = r.doc();

        assertThat(page.select("script, noscript, iframe, frame, object, embed, applet, base, meta[http-equiv], "
                + "style, svg, math, img, picture, video, audio, source, textarea")).as("dangerous elements").isEmpty();
        assertThat(page.select("link")).allSatisfy(l -> assertThat(l.attr("href")).isEqualTo("/static/console.css"));
        assertThat(page.select("[style]")).as("inline styles").isEmpty();
        assertThat(page.select("form")).allSatisfy(f -> assertThat(f.attr("action")).startsWith("/console/"));
        assertThat(page.select("input[type=image], button[formaction]")).isEmpty();
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().strip().toLowerCase(Locale.ROOT);
                assertThat(name).as("event handler on <%s>", e.tagName()).doesNotStartWith("on");
                assertThat(name).as("remote loading attribute").isNotIn("src", "srcset", "background", "poster", "data");
                assertThat(value).as("%s=%s", name, value).doesNotStartWith("javascript:").doesNotStartWith("vbscript:")
                        .doesNotStartWith("data:");
            }
        }
        // only our own ids: a mail cannot fake the release button
        assertThat(page.select("#release")).allSatisfy(b -> assertThat(b.tagName()).isEqualTo("button"));
        assertThat(page.select("div.body.html [class], div.body.html [id]")).isEmpty();
        assertThat(page.select("div.body.html a[href]")).allSatisfy(a -> {
            assertThat(a.attr("href")).startsWith("https://");
            assertThat(a.attr("rel")).contains("noopener").contains("noreferrer");
        });
        // the hostile text is shown as text
        assertThat(page.selectFirst("h1").text()).isEqualTo(subject);
        assertThat(page.select(".context mark").text()).isEqualTo("<b onmouseover=alert(9)>they are cheap</b>");
    }
}
