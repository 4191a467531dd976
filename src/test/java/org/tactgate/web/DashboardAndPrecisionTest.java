package org.tactgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tactgate.hold.Actor;
import org.tactgate.store.NewMessage;

class DashboardAndPrecisionTest {
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

    private NewMessage held(String detector, String evidence) {
        return web.add(TestMail.held("anna@northwind.example", "c@example.com", "s", detector, evidence,
                web.clock.instant()));
    }

    @Test
    void dashboardShouldCountTodayAndDrawTheChart() {
        Instant now = web.clock.instant();
        NewMessage q = web.add(TestMail.quarantined("a@northwind.example", "c@example.com", "s", "exposure", "x", now));
        held("blame", "y");
        held("blame", "z");
        web.add(TestMail.quarantined("a@northwind.example", "c@example.com", "s", "blame", "w", now.minus(Duration.ofDays(30))));
        web.actions.release(q.id(), new Actor("rita", "127.0.0.1", Actor.Role.REVIEWER), Optional.empty());

        Document page = web.reviewer().get("/console/dashboard").doc();
        String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        assertThat(page.select("table.numbers tr:has(td:contains(" + today + ")) td").eachText())
                .containsExactly(today, "3", "2", "1", "1", "0");
        assertThat(page.select("table.numbers tbody tr")).hasSize(Dashboard.DAYS);
        assertThat(page.select("svg.chart rect")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.select("svg.chart title").eachText()).contains(today + ": 2", today + ": 1");
        assertThat(page.select("section:has(h2:contains(Top detectors)) li").first().text()).contains("blame");
        assertThat(page.select(".tile").text()).contains("2 held now").contains("1 in the delivery queue");
    }

    @Test
    void precisionShouldShowFalseHoldRatesAndTheMostOverriddenSentences() {
        Actor sender = new Actor("anna@northwind.example", "127.0.0.1", Actor.Role.SENDER);
        Actor reviewer = new Actor("rita", "127.0.0.1", Actor.Role.REVIEWER);
        web.actions.confirm(held("blame", "weren't you?").id(), sender);
        web.actions.confirm(held("blame", "weren't you?").id(), sender);
        web.actions.cancel(held("blame", "you decided").id(), sender);
        web.actions.release(held("disparagement", "cheap").id(), reviewer, Optional.empty());
        web.actions.bounce(held("disparagement", "awful people").id(), reviewer, "rude");
        web.actions.bounce(held("disparagement", "awful people").id(), reviewer, "rude");
        held("exposure", "undecided"); // no decision yet: not counted

        Document page = web.admin().get("/console/precision").doc();
        assertThat(page.select("table.numbers").first().select("tbody tr").eachText()).containsExactly(
                "blame 67% of 3 2 1 0 0", "disparagement 33% of 3 0 0 1 2");
        assertThat(page.select("table.numbers").get(1).select("tbody tr").eachText())
                .contains("blame-hold 67% of 3 2 1 0 0");
        assertThat(page.select("ol.sentences li").first().text()).contains("blame").contains("×2").contains("weren't you?");
        assertThat(page.select("ol.sentences li").eachText()).noneMatch(s -> s.contains("awful people"));
    }
}
