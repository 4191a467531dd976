package org.tactgate.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.tactgate.config.StoreSettings;
import org.tactgate.config.WebSettings;
import org.tactgate.smtp.PasswordHash;
import org.tactgate.store.InMemoryMessageStore;
import org.tactgate.store.JdbcMessageStore;
import org.tactgate.store.NewMessage;

/**
 * A running {@link WebServer} for route tests: messages in memory, the real JDBC user accounts on
 * a SQLite file, the test {@link StoreHoldActions}, a hand-moved clock. Users: {@code rita}
 * (reviewer) and {@code adam} (admin), password {@link #PASSWORD}; adam has API token
 * {@link #adminToken}, rita {@link #reviewerToken}.
 */
final class WebFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";

    final MutableClock clock = new MutableClock(Instant.now());
    final InMemoryMessageStore store = new InMemoryMessageStore();
    final RecordingAuditLog audit = new RecordingAuditLog();
    final StoreHoldActions actions = new StoreHoldActions(store, audit, clock);
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final UserStore users;
    final WebServer server;
    final String adminToken;
    final String reviewerToken;

    WebFixture(Path folder) {
        this(folder, WebSettings.loopback());
    }

    WebFixture(Path folder, WebSettings settings) {
        this(folder, settings, new RouteGroup[0]);
    }

    WebFixture(Path folder, WebSettings settings, RouteGroup... publicRoutes) {
        StoreSettings storeSettings = new StoreSettings("jdbc:sqlite:" + folder.resolve("web.db"), Optional.empty(),
                Optional.empty());
        JdbcMessageStore.open(storeSettings).close(); // migrates the schema, web_users included
        users = JdbcUserStore.open(storeSettings);
        users.add(new Account("rita", Role.REVIEWER, PasswordHash.hash(PASSWORD.toCharArray(), 1000)));
        users.add(new Account("adam", Role.ADMIN, PasswordHash.hash(PASSWORD.toCharArray(), 1000)));
        adminToken = ApiTokens.issue(users, "adam").orElseThrow();
        reviewerToken = ApiTokens.issue(users, "rita").orElseThrow();
        server = new WebServer(store, actions, audit, users, registry, settings, clock);
        for (RouteGroup g : publicRoutes) {
            server.addPublicRoutes(g);
        }
        server.start();
    }

    NewMessage add(NewMessage m) {
        store.accept(m);
        return m;
    }

    WebClient client() {
        return new WebClient(server.consolePort());
    }

    WebClient reviewer() {
        WebClient c = client();
        c.login("rita", PASSWORD);
        return c;
    }

    WebClient admin() {
        WebClient c = client();
        c.login("adam", PASSWORD);
        return c;
    }

    @Override
    public void close() {
        server.stop();
        users.close();
    }
}
