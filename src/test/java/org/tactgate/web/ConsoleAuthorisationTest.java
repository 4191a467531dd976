package org.tactgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tactgate.store.MessageState;
import org.tactgate.store.NewMessage;

/** Who may see and do what: nobody without a session or token, reviewers not delete, no POST without CSRF. */
class ConsoleAuthorisationTest {
    @TempDir
    Path dir;
    WebFixture web;
    NewMessage mail;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        mail = web.add(TestMail.quarantined("anna@northwind.example", "couple@example.com", "Smith wedding",
                "disparagement", TestMail.WEDDING_EVIDENCE, Instant.now()));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private MessageState state() {
        return web.store.find(mail.id()).orElseThrow().state();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console", "/console/dashboard", "/console/audit", "/console/audit.csv",
            "/console/precision", "/console/messages/0000000000000000000000"})
    void consolePagesShouldSendStrangersToLogin(String path) {
        WebClient.Response r = web.client().get(path);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).startsWith("/login?next=");
    }

    @Test
    void messagePageShouldNotShowAMessageWithoutLogin() {
        WebClient.Response r = web.client().get("/console/messages/" + mail.id());
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.body()).doesNotContain("Smith wedding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"release", "bounce", "delete"})
    void actionsWithoutLoginShouldBeRefusedAndChangeNothing(String action) {
        WebClient.Response r = web.client().post("/console/messages/" + mail.id() + "/" + action, "reason", "x");
        assertThat(r.status()).isEqualTo(403);
        WebClient.Response bulk = web.client().post("/console/bulk", "id", mail.id().value(), "action", action,
                "reason", "x");
        assertThat(bulk.status()).isEqualTo(403);
        assertThat(state()).isEqualTo(MessageState.QUARANTINED);
        assertThat(web.audit.all()).isEmpty();
    }

    @Test
    void postWithoutOrWithAForeignCsrfTokenShouldBeRefused() {
        WebClient rita = web.reviewer();
        WebClient adam = web.admin();
        assertThat(rita.post("/console/messages/" + mail.id() + "/release").status()).isEqualTo(403);
        assertThat(rita.post("/console/messages/" + mail.id() + "/release", "csrf", adam.csrf()).status())
                .as("another session's token").isEqualTo(403);
        assertThat(rita.post("/console/logout").status()).isEqualTo(403);
        assertThat(state()).isEqualTo(MessageState.QUARANTINED);

        assertThat(rita.post("/console/messages/" + mail.id() + "/release", "csrf", rita.csrf()).status()).isEqualTo(200);
        assertThat(state()).isEqualTo(MessageState.QUEUED);
    }

    @Test
    void reviewerShouldNotDeleteNorOpenThePrecisionPage() {
        WebClient rita = web.reviewer();
        WebClient.Response delete = rita.post("/console/messages/" + mail.id() + "/delete", "csrf", rita.csrf());
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.doc().text()).contains("Only an admin may delete");
        assertThat(rita.get("/console/precision").status()).isEqualTo(403);
        assertThat(rita.get("/console/messages/" + mail.id()).doc().select("form[action$=/delete]")).isEmpty();
        assertThat(state()).isEqualTo(MessageState.QUARANTINED);
    }

    @Test
    void adminShouldDeleteAndOpenThePrecisionPage() {
        WebClient adam = web.admin();
        assertThat(adam.get("/console/precision").status()).isEqualTo(200);
        assertThat(adam.post("/console/messages/" + mail.id() + "/delete", "csrf", adam.csrf()).status()).isEqualTo(200);
        assertThat(state()).isEqualTo(MessageState.DELETED);
        assertThat(web.audit.all()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("adam");
            assertThat(e.action()).isEqualTo("delete");
            assertThat(e.from()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void apiShouldRefuseCallsWithoutAValidToken() {
        WebClient c = web.reviewer(); // a logged-in browser's cookie is not an API credential
        for (String path : List.of("/api/messages", "/api/messages/" + mail.id(), "/api/audit")) {
            assertThat(c.get(path).status()).as(path).isEqualTo(401);
            assertThat(c.get(path, "Authorization", "Bearer tg_wrong").status()).as(path).isEqualTo(401);
        }
        WebClient.Response act = c.postJson("/api/messages/" + mail.id() + "/release", "{}");
        assertThat(act.status()).isEqualTo(401);
        assertThat(act.body()).contains("\"error\"");
        assertThat(state()).isEqualTo(MessageState.QUARANTINED);
    }

    @Test
    void apiReviewerTokenShouldNotDelete() {
        WebClient.Response r = web.client().postJson("/api/messages/" + mail.id() + "/delete", "{}",
                "Authorization", "Bearer " + web.reviewerToken);
        assertThat(r.status()).isEqualTo(403);
        assertThat(state()).isEqualTo(MessageState.QUARANTINED);
    }
}
