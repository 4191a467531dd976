package org.tactgate.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code tactgate.properties} file into {@link Settings}: the syntax and meaning of every
 * value, each default, and the rules between keys. Every default lives here; every error names the
 * file, the key's line and the key, and says what would be accepted; relative paths resolve against
 * the settings file's folder; {@code ${…}} is expanded by {@link Expansion}; unknown keys are logged
 * as warnings. What needs more than the file itself (other files, TLS material, free ports) is
 * checked after this, by the start check that {@code serve} and {@code config-check} share.
 */
public final class SettingsLoader {
    private static final Logger log = LoggerFactory.getLogger(SettingsLoader.class);

    /** Keys this version understands; anything else in the file draws a warning. */
    public static final Set<String> KNOWN_KEYS = Set.of(
            "smtp.listen", "smtp.hostname", "smtp.allowed-networks", "smtp.max-message-size",
            "smtp.max-recipients", "smtp.max-connections", "smtp.session-timeout",
            "smtp.tls.certificate", "smtp.tls.key", "smtp.tls.required",
            "smtp.auth.users-file", "smtp.auth.required", "smtp.auth.allow-plaintext",
            "store.url", "store.username", "store.password",
            "upstream.host", "upstream.port", "upstream.starttls", "upstream.username", "upstream.password",
            "upstream.tls.trust-file",
            "delivery.outbox", "delivery.workers", "delivery.connect-timeout", "delivery.retry.initial",
            "delivery.retry.max-interval", "delivery.retry.max-age", "delivery.poll-interval",
            "internal.domains", "customers.file", "customers.external-default", "partners.domains",
            "web.listen", "web.console-listen", "web.session-timeout",
            "inspect.disparagement.threshold", "inspect.exposure.threshold", "inspect.blame.threshold",
            "inspect.unparseable.threshold", "inspect.lexicons", "inspect.reader", "inspect.reader.max-passages", "inspect.reader.abuse", "inspect.reader.cache",
            "inspect.reader.threshold",
            "policy.file", "policy.monitor", "policy.deadline-check",
            "notify.secret-file", "notify.from", "notify.reviewers", "notify.digest-interval", "web.base-url",
            "retention.period", "retention.check");

    private final Path file;
    private final Path folder;
    private final Map<String, Entry> entries;
    private final Expansion expansion;
    private final SettingsFile source;

    private SettingsLoader(Path file, Map<String, Entry> entries, Expansion expansion) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.folder = parent == null ? Path.of(".").toAbsolutePath() : parent;
        this.entries = entries;
        this.expansion = expansion;
        this.source = new SettingsFile(file, entries.values().stream()
                .collect(Collectors.toMap(Entry::key, Entry::line)));
    }

    /** Loads and validates; throws {@link ConfigException} naming the file, the line and the key. */
    public static Settings load(Path file) {
        return load(file, System::getenv);
    }

    /** As {@link #load(Path)}, with {@code env} standing for the environment ({@code ${env:…}}, {@code TACTGATE_HOME}). */
    static Settings load(Path file, UnaryOperator<String> env) {
        return new SettingsLoader(file, SettingsLines.read(file), new Expansion(env, TactgateHome.find(env))).read();
    }

    private Settings read() {
        warnUnknownKeys();
        SmtpSettings smtp = new SmtpSettings(
                value("smtp.listen", "127.0.0.1:2525", HostPort::parse),
                text("smtp.hostname", defaultHostname()),
                list("smtp.allowed-networks", "127.0.0.0/8, ::1/128"),
                value("smtp.max-message-size", "25M", Units::parseSize),
                value("smtp.max-recipients", "1000", Units::parseInt),
                value("smtp.max-connections", "200", Units::parseInt),
                value("smtp.session-timeout", "5m", Units::parseDuration),
                path("smtp.tls.certificate"),
                path("smtp.tls.key"),
                value("smtp.tls.required", "false", Units::parseBoolean),
                path("smtp.auth.users-file"),
                value("smtp.auth.required", "false", Units::parseBoolean),
                value("smtp.auth.allow-plaintext", "false", Units::parseBoolean));
        if (smtp.tlsCertificate().isPresent() != smtp.tlsKey().isPresent()) {
            throw source.refuse("smtp.tls.key", "smtp.tls.certificate and smtp.tls.key go together");
        }
        if (smtp.tlsRequired() && smtp.tlsCertificate().isEmpty()) {
            throw source.refuse("smtp.tls.required", "needs smtp.tls.certificate and smtp.tls.key");
        }
        if (smtp.authUsersFile().isPresent() && smtp.tlsCertificate().isEmpty() && !smtp.authAllowPlaintext()) {
            // passwords would cross the network in clear; the intake server refuses this too
            throw source.refuse("smtp.auth.users-file", "needs smtp.tls.certificate and smtp.tls.key (AUTH only after"
                    + " STARTTLS), or smtp.auth.allow-plaintext = true");
        }
        if (smtp.authRequired() && smtp.authUsersFile().isEmpty()) {
            throw source.refuse("smtp.auth.required", "needs smtp.auth.users-file");
        }
        positive("smtp.max-recipients", smtp.maxRecipients());
        positive("smtp.max-connections", smtp.maxConnections());

        StoreSettings store = new StoreSettings(
                value("store.url", "jdbc:sqlite:data/tactgate.db", this::jdbcUrl),
                optionalText("store.username"),
                optionalText("store.password"));

        Optional<String> upstreamHost = optionalText("upstream.host");
        int upstreamPort = value("upstream.port", "25", Units::parseInt);
        if (upstreamPort <= 0 || upstreamPort > 65535) {
            throw source.refuse("upstream.port", "out of range: " + upstreamPort + "; expected 1 to 65535");
        }
        DeliverySettings delivery = new DeliverySettings(
                upstreamHost.map(h -> new HostPort(h, upstreamPort)),
                value("upstream.starttls", "opportunistic", s -> Choice.of(DeliverySettings.StartTls.class, s)),
                optionalText("upstream.username"),
                optionalText("upstream.password"),
                path("upstream.tls.trust-file"),
                path("delivery.outbox").orElse(folder.resolve("data/outbox")),
                value("delivery.workers", "8", Units::parseInt),
                value("delivery.connect-timeout", "30s", Units::parseDuration),
                value("delivery.retry.initial", "1m", Units::parseDuration),
                value("delivery.retry.max-interval", "1h", Units::parseDuration),
                value("delivery.retry.max-age", "5d", Units::parseDuration),
                value("delivery.poll-interval", "1s", Units::parseDuration));
        positive("delivery.workers", delivery.workers());
        if (delivery.username().isPresent() != delivery.password().isPresent()) {
            throw source.refuse("upstream.password", "upstream.username and upstream.password go together");
        }

        DirectorySettings directory = new DirectorySettings(
                lowerCase(list("internal.domains", "")),
                path("customers.file"),
                value("customers.external-default", "true", Units::parseBoolean),
                lowerCase(list("partners.domains", "")));

        WebSettings web = new WebSettings(
                value("web.listen", "127.0.0.1:8025", HostPort::parse),
                optionalText("web.console-listen").map(v -> value("web.console-listen", v, HostPort::parse)),
                value("web.session-timeout", "30m", Units::parseDuration));
        if (web.sessionTimeout().isZero()) {
            throw source.refuse("web.session-timeout", "must be longer than zero");
        }
        java.util.Map<String, Double> thresholds = new java.util.HashMap<>();
        InspectSettings.DEFAULT_THRESHOLDS.forEach((detector, fallback) -> {
            String key = "inspect." + detector + ".threshold";
            double t = value(key, String.valueOf(fallback), Units::parseDecimal);
            if (t < 0 || t > 1) {
                throw source.refuse(key, "must be between 0 and 1, got " + t);
            }
            thresholds.put(detector, t);
        });
        int passages = value("inspect.reader.max-passages", String.valueOf(InspectSettings.DEFAULT_READER_PASSAGES),
                Units::parseInt);
        if (passages < 1) {
            throw source.refuse("inspect.reader.max-passages", "must be at least 1, got " + passages);
        }
        int cache = value("inspect.reader.cache", String.valueOf(InspectSettings.DEFAULT_READER_CACHE),
                Units::parseInt);
        if (cache < 0) {
            throw source.refuse("inspect.reader.cache", "must be 0 or more, got " + cache);
        }
        // "model" keeps the threshold the training chose; a site may only be stricter or looser within
        // the range where the reader's scores mean something (below 0.5 it would fire on most text)
        java.util.OptionalDouble readerThreshold = java.util.OptionalDouble.empty();
        String readerAt = text("inspect.reader.threshold", "model");
        if (!readerAt.equalsIgnoreCase("model")) {
            double at = value("inspect.reader.threshold", readerAt, Units::parseDecimal);
            if (at < 0.5 || at > 1) {
                throw source.refuse("inspect.reader.threshold",
                        "must be 'model' or a number from 0.5 to 1, got " + at);
            }
            readerThreshold = java.util.OptionalDouble.of(at);
        }
        InspectSettings inspect = new InspectSettings(thresholds, path("inspect.lexicons"),
                value("inspect.reader", "on", Units::parseBoolean), passages,
                value("inspect.reader.abuse", "off", Units::parseBoolean), cache, readerThreshold);
        PolicySettings policy = new PolicySettings(path("policy.file"),
                value("policy.monitor", "false", Units::parseBoolean),
                value("policy.deadline-check", "30s", Units::parseDuration));
        Optional<Duration> digest = optionalText("notify.digest-interval").map(v -> value("notify.digest-interval", v,
                Units::parseDuration)).filter(d -> !d.isZero());
        NotifySettings notify = new NotifySettings(
                path("notify.secret-file").orElse(folder.resolve("data/notify.key")),
                text("notify.from", "tactgate@" + smtp.hostname()),
                list("notify.reviewers", ""), digest,
                value("web.base-url", BaseUrl.from(web.listen(), smtp.hostname()), BaseUrl::parse));
        RetentionSettings retention = new RetentionSettings(
                value("retention.period", "30d", Units::parseDuration),
                value("retention.check", "1h", Units::parseDuration));
        positive("policy.deadline-check", policy.deadlineCheck().toMillis());
        positive("retention.check", retention.check().toMillis());
        return new Settings(source, smtp, store, delivery, directory, web, inspect, policy, notify, retention);
    }

    private void warnUnknownKeys() {
        for (Entry entry : entries.values()) {
            if (!KNOWN_KEYS.contains(entry.key())) {
                log.warn("{}, line {}: unknown setting '{}' is ignored", file, entry.line(), entry.key());
            }
        }
    }

    private <T> T value(String key, String fallback, Function<String, T> parse) {
        String raw = optionalText(key).orElse(fallback);
        try {
            return parse.apply(raw);
        } catch (RuntimeException e) {
            throw source.refuse(key, "invalid value '" + raw + "'; " + e.getMessage());
        }
    }

    private String text(String key, String fallback) {
        return optionalText(key).orElse(fallback);
    }

    private Optional<String> optionalText(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        String v;
        try {
            v = expansion.expand(entry.value());
        } catch (IllegalArgumentException e) {
            throw source.refuse(key, e.getMessage());
        }
        return v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private List<String> list(String key, String fallback) {
        String raw = optionalText(key).orElse(fallback);
        List<String> out = new ArrayList<>();
        // commas or semicolons: customers.csv separates its lists with ";", and an admin who writes
        // "a.example;b.example" here means two domains, never one domain with a ";" in it
        for (String part : raw.split("[,;]")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return List.copyOf(out);
    }

    private static List<String> lowerCase(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private Optional<Path> path(String key) {
        return optionalText(key).map(folder::resolve).map(Path::normalize);
    }

    private void positive(String key, long value) {
        if (value <= 0) {
            throw source.refuse(key, "must be positive, got " + value);
        }
    }

    /** Resolves a relative SQLite file against the settings folder; other URLs pass unchanged. */
    private String jdbcUrl(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("expected a JDBC URL: jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
        }
        if (url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:sqlite::memory:")) {
            String rest = url.substring("jdbc:sqlite:".length());
            int q = rest.indexOf('?');
            String filePart = q < 0 ? rest : rest.substring(0, q);
            String query = q < 0 ? "" : rest.substring(q);
            return "jdbc:sqlite:" + folder.resolve(filePart).normalize() + query;
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
        }
        return url;
    }

    private static String defaultHostname() {
        try {
            return java.net.InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
