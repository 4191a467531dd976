package org.tactgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTest {
    @TempDir
    Path dir;
    WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void loginWithRightPasswordShouldOpenTheQueue() {
        WebClient c = web.client();
        WebClient.Response r = c.login("rita", WebFixture.PASSWORD);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).isEqualTo("/console");
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(ConsoleAuth.COOKIE + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        WebClient.Response queue = c.get("/console");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.doc().select(".who").text()).isEqualTo("rita");
    }

    @Test
    void wrongPasswordAndUnknownNameShouldGetTheSameRefusal() {
        WebClient.Response wrong = web.client().login("rita", "not her password");
        WebClient.Response unknown = web.client().login("nobody", "whatever");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.doc().select(".error").text()).isEqualTo(unknown.doc().select(".error").text())
                .isEqualTo("Wrong name or password.");
        assertThat(web.client().get("/console").status()).isEqualTo(302);
    }

    @Test
    void loginWithoutTheFormTokenShouldBeRefused() {
        WebClient c = web.client();
        WebClient.Response r = c.post("/login", "name", "rita", "password", WebFixture.PASSWORD);
        assertThat(r.status()).isEqualTo(403);
        assertThat(c.get("/console").status()).isEqualTo(302);
    }

    @Test
    void sixthFailedLoginShouldBeThrottledEvenWithTheRightPassword() {
        WebClient c = web.client();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(c.login("rita", "guess " + i).status()).isEqualTo(401);
        }
        WebClient.Response throttled = c.login("rita", WebFixture.PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotEmpty();
        assertThat(c.get("/console").status()).isEqualTo(302);

        web.clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(c.login("rita", WebFixture.PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void sessionShouldExpireAfterIdleTimeout() {
        WebClient c = web.reviewer();
        assertThat(c.get("/console").status()).isEqualTo(200);
        web.clock.advance(Duration.ofMinutes(29));
        assertThat(c.get("/console").status()).as("a request restarts the idle clock").isEqualTo(200);
        web.clock.advance(Duration.ofMinutes(31));
        WebClient.Response r = c.get("/console/dashboard");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).isEqualTo("/login?next=%2Fconsole%2Fdashboard");
    }

    @Test
    void logoutShouldEndTheSession() {
        WebClient c = web.reviewer();
        String csrf = c.csrf();
        assertThat(c.post("/console/logout", "csrf", csrf).location()).isEqualTo("/login");
        assertThat(c.get("/console").status()).isEqualTo(302);
    }

    @Test
    void loginShouldReturnOnlyToConsolePages() {
        WebClient c = web.client();
        String token = c.get("/login?next=/console/audit").doc().selectFirst("input[name=token]").val();
        assertThat(c.post("/login", "token", token, "name", "rita", "password", WebFixture.PASSWORD,
                "next", "/console/audit").location()).isEqualTo("/console/audit");

        WebClient other = web.client();
        String token2 = other.get("/login").doc().selectFirst("input[name=token]").val();
        assertThat(other.post("/login", "token", token2, "name", "rita", "password", WebFixture.PASSWORD,
                "next", "//evil.example/").location()).isEqualTo("/console");
    }
}
