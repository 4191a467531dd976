package org.tactgate.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tactgate.notify.LinkAction;
import org.tactgate.store.MessageState;
import org.tactgate.web.HeadlessChromium;

/**
 * A sender in a real headless Chromium: the relay holds her mail, she opens the "Send anyway"
 * link from the notice GreenMail received, reads why it was held, presses the button, and the
 * message reaches the customer. Screenshots go to {@code target/screenshots/}.
 */
class SenderConfirmBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private HoldSite site;
    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void senderShouldReleaseHerHeldMailFromTheNoticeLinkInABrowser() throws Exception {
        site = new HoldSite(dir, HoldSite.BLAME_RULE);
        site.send("About the DJ", "BLAME\n", HoldSite.CUSTOMER);
        await().atMost(WAIT).until(() -> !site.mailbox(HoldSite.SENDER).isEmpty());
        String url = HoldSite.link(HoldSite.text(site.mailbox(HoldSite.SENDER).get(0)), LinkAction.SEND.label());

        browser = HeadlessChromium.start(390, 844);
        browser.get(url);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("About the DJ", "weren't you");
        assertThat(browser.findElement(By.tagName("mark")).getText()).isEqualTo("weren't you");
        HeadlessChromium.screenshot(browser, "sender-1-confirm");
        assertThat(site.relay.store().list(MessageState.HELD, 10)).hasSize(1);

        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(WAIT).ignoreExceptions() // the old page's elements go stale while the next one loads
                .until(() -> browser.findElement(By.tagName("body")).getText().contains("Released"));
        HeadlessChromium.screenshot(browser, "sender-2-done");

        await().atMost(WAIT).until(() -> site.mailbox(HoldSite.CUSTOMER).size() == 1);
        assertThat(HoldSite.text(site.mailbox(HoldSite.CUSTOMER).get(0))).contains("BLAME");
    }
}
