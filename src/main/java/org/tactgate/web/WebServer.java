package org.tactgate.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.config.HostPort;
import org.tactgate.config.WebSettings;
import org.tactgate.hold.HoldActions;
import org.tactgate.store.AuditLog;
import org.tactgate.store.MessageStore;

/**
 * The web side of the relay: sender pages (registered by others through
 * {@link #addPublicRoutes}) and {@code /health} on {@code web.listen}; the review console, the
 * JSON API and {@code /metrics} on {@code web.console-listen}, or on the same listener when that
 * is not set. Every response carries the {@link SecurityHeaders}.
 *
 * <p>Order of calls: construct (the store open and migrated), {@link #addPublicRoutes}/{@link #addConsoleRoutes} as needed,
 * {@link #start}, then {@link #port}/{@link #consolePort}; {@link #stop} last. Not thread-safe
 * before {@link #start}; the running server is.
 *
 * <p>SECURITY: everything arriving here is untrusted (form fields, query strings, cookies, API
 * tokens, and the mail being previewed). Templates escape by default; console pages need a
 * session and every console POST a CSRF token; API calls need a bearer token; logins are
 * throttled. See the classes named for each of those jobs.
 */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final WebSettings settings;
    private final UserStore users;
    private final List<RouteGroup> publicRoutes = new ArrayList<>();
    private final List<RouteGroup> consoleRoutes = new ArrayList<>();
    private final RouteGroup healthRoute;
    private final PebbleRenderer renderer = new PebbleRenderer();
    private Javalin publicApp;
    private Optional<Javalin> consoleApp = Optional.empty();

    public WebServer(MessageStore store, HoldActions actions, AuditLog audit, UserStore users,
                     PrometheusMeterRegistry registry, WebSettings settings) {
        this(store, actions, audit, users, registry, settings, Clock.systemUTC());
    }

    WebServer(MessageStore store, HoldActions actions, AuditLog audit, UserStore users,
              PrometheusMeterRegistry registry, WebSettings settings, Clock clock) {
        this.settings = settings;
        this.users = users;
        Sessions sessions = new Sessions(clock, settings.sessionTimeout());
        Health health = new Health(store, clock);
        healthRoute = app -> app.get("/health", health::handle);
        publicRoutes.add(healthRoute);
        consoleRoutes.add(new LoginRoutes(users, sessions, new LoginThrottle(clock))::register);
        consoleRoutes.add(new ConsoleAuth(sessions)::register);
        consoleRoutes.add(new QueueRoutes(store, clock)::register);
        consoleRoutes.add(new MessageRoutes(store, audit)::register);
        consoleRoutes.add(new ActionRoutes(actions)::register);
        consoleRoutes.add(new AuditRoutes(audit, clock)::register);
        consoleRoutes.add(new DashboardRoutes(store, audit, clock)::register);
        consoleRoutes.add(new PrecisionRoutes(store, audit, clock)::register);
        consoleRoutes.add(new ApiRoutes(store, actions, audit, users, clock)::register);
        consoleRoutes.add(app -> app.get("/metrics", ctx -> ctx
                .contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape())));
    }

    /** Routes for the public listener ({@code web.listen}), e.g. the sender confirmation pages. */
    public WebServer addPublicRoutes(RouteGroup group) {
        publicRoutes.add(group);
        return this;
    }

    /** Routes for the console listener (the same one unless {@code web.console-listen} is set). */
    public WebServer addConsoleRoutes(RouteGroup group) {
        consoleRoutes.add(group);
        return this;
    }

    /** Makes the first admin if there is no user yet ({@link FirstAdmin}), binds and starts; throws if an address is taken. */
    public void start() {
        FirstAdmin.ensure(users);
        HostPort listen = settings.listen();
        if (settings.consoleListen().isPresent()) {
            HostPort console = settings.consoleListen().get();
            publicApp = create(publicRoutes).start(listen.host(), listen.port());
            List<RouteGroup> withHealth = new ArrayList<>(consoleRoutes);
            withHealth.add(0, healthRoute);
            consoleApp = Optional.of(create(withHealth).start(console.host(), console.port()));
            log.info("web: sender pages on {}:{}, console on {}:{}", listen.host(), port(), console.host(), consolePort());
        } else {
            List<RouteGroup> all = new ArrayList<>(publicRoutes);
            all.addAll(consoleRoutes);
            publicApp = create(all).start(listen.host(), listen.port());
            log.info("web: sender pages and console on {}:{}", listen.host(), port());
        }
    }

    public int port() {
        return publicApp.port();
    }

    public int consolePort() {
        return consoleApp.map(Javalin::port).orElseGet(this::port);
    }

    public void stop() {
        consoleApp.ifPresent(Javalin::stop);
        if (publicApp != null) {
            publicApp.stop();
        }
    }

    private Javalin create(List<RouteGroup> groups) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.fileRenderer(renderer);
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.http.maxRequestSize = 1_000_000L;
        });
        app.before(SecurityHeaders::apply);
        ErrorPages.register(app);
        groups.forEach(g -> g.register(app));
        return app;
    }
}
