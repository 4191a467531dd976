package org.tactgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;

/**
 * A reviewer in a real headless Chromium, at laptop and at phone width: logs in, filters the
 * queue, opens a quarantined message, releases it. Screenshots of each page go to
 * {@code target/screenshots/}.
 */
class ConsoleBrowserIT {
    @TempDir
    Path dir;
    WebFixture web;
    ChromeDriver browser;
    NewMessage wedding;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        Instant now = web.clock.instant();
        wedding = web.add(TestMail.quarantined("anna@northwind-hotels.example", "couple@example.com",
                "Re: Smith wedding, 14 June", "disparagement", TestMail.WEDDING_EVIDENCE, now.minus(Duration.ofMinutes(12))));
        web.add(TestMail.held("bob@northwind-hotels.example", "buyer@acme.example", "Your invoice 2291",
                "blame", "You don't expect us to work for free", now.minus(Duration.ofHours(2))));
        web.add(TestMail.quarantined("carol@northwind-hotels.example", "guest@example.org", "Complaint about room 12",
                "exposure", "between us, they're cheap", now.minus(Duration.ofDays(2))));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        web.close();
    }

    @ParameterizedTest
    @CsvSource({"laptop, 1366, 900", "phone, 390, 844"})
    void reviewerShouldFilterOpenAndReleaseAQuarantinedMessage(String device, int width, int height) {
        browser = HeadlessChromium.start(width, height);
        String base = "http://127.0.0.1:" + web.server.consolePort();

        browser.get(base + "/console");
        assertThat(browser.getCurrentUrl()).contains("/login");
        HeadlessChromium.screenshot(browser, device + "-1-login");
        browser.findElement(By.name("name")).sendKeys("rita");
        browser.findElement(By.name("password")).sendKeys(WebFixture.PASSWORD);
        browser.findElement(By.cssSelector("form.login button")).click();
        eventually(() -> assertThat(browser.findElements(By.cssSelector("table.queue tbody tr"))).hasSize(3));
        HeadlessChromium.screenshot(browser, device + "-2-queue");

        new Select(browser.findElement(By.name("state"))).selectByValue("QUARANTINED");
        browser.findElement(By.name("sender")).sendKeys("anna");
        browser.findElement(By.cssSelector("form.filters button")).click();
        eventually(() -> assertThat(browser.findElements(By.cssSelector("table.queue a.subject")))
                .singleElement().satisfies(a -> assertThat(a.getText()).isEqualTo("Re: Smith wedding, 14 June")));
        HeadlessChromium.screenshot(browser, device + "-3-filtered");

        browser.findElement(By.cssSelector("table.queue a.subject")).click();
        eventually(() -> assertThat(browser.findElement(By.cssSelector(".context mark")).getText())
                .isEqualTo(TestMail.WEDDING_EVIDENCE));
        HeadlessChromium.screenshot(browser, device + "-4-message");

        browser.findElement(By.id("release")).click();
        eventually(() -> assertThat(browser.findElement(By.cssSelector(".results li.ok")).getText()).contains("Released"));
        assertThat(web.store.find(wedding.id()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        assertThat(web.audit.all()).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("rita"));
        HeadlessChromium.screenshot(browser, device + "-5-released");

        browser.get(base + "/console/dashboard");
        assertThat(browser.findElements(By.cssSelector("svg.chart rect"))).isNotEmpty();
        HeadlessChromium.screenshot(browser, device + "-6-dashboard");
    }

    /** After a click the next page loads on its own time: assert once it is there, not before. */
    private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(assertion);
    }
}
