package org.tactgate.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code tactgate.properties} file into {@link Settings}. The only class that touches the
 * configuration library. Every default lives here; every error names the key and the file;
 * relative paths resolve against the settings file's folder; unknown keys are logged as warnings.
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
    private final PropertiesConfiguration props;

    private SettingsLoader(Path file, PropertiesConfiguration props) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.folder = parent == null ? Path.of(".").toAbsolutePath() : parent;
        this.props = props;
    }

    /** Loads and validates; throws {@link ConfigException} naming the key and the file. */
    public static Settings load(Path file) {
        if (!Files.isReadable(file)) {
            throw new ConfigException(file, "(file)", "cannot read the settings file");
        }
        PropertiesConfiguration props = new PropertiesConfiguration();
        props.setListDelimiterHandler(new org.apache.commons.configuration2.convert.DisabledListDelimiterHandler());
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.read(in);
        } catch (IOException | ConfigurationException e) {
            throw new ConfigException(file, "(file)", "cannot parse: " + e.getMessage());
        }
        return new SettingsLoader(file, props).read();
    }

    private Settings read() {
        warnUnknownKeys();
        SmtpSettings smtp = new SmtpSettings(
                value("smtp.listen", "127.0.0.1:2525", HostPort::parse),
                text("smtp.hostname", defaultHostname()),
                list("smtp.allowed-networks", "127.0.0.0/8, ::1/128"),
                value("smtp.max-message-size", "25M", SettingsLoader::parseSize),
                value("smtp.max-recipients", "1000", Integer::parseInt),
                value("smtp.max-connections", "200", Integer::parseInt),
                value("smtp.session-timeout", "5m", SettingsLoader::parseDuration),
                path("smtp.tls.certificate"),
                path("smtp.tls.key"),
                value("smtp.tls.required", "false", SettingsLoader::parseBoolean),
                path("smtp.auth.users-file"),
                value("smtp.auth.required", "false", SettingsLoader::parseBoolean),
                value("smtp.auth.allow-plaintext", "false", SettingsLoader::parseBoolean));
        if (smtp.tlsCertificate().isPresent() != smtp.tlsKey().isPresent()) {
            throw new ConfigException(file, "smtp.tls.key", "smtp.tls.certificate and smtp.tls.key go together");
        }
        if (smtp.tlsRequired() && smtp.tlsCertificate().isEmpty()) {
            throw new ConfigException(file, "smtp.tls.required", "needs smtp.tls.certificate and smtp.tls.key");
        }
        if (smtp.authRequired() && smtp.authUsersFile().isEmpty()) {
            throw new ConfigException(file, "smtp.auth.required", "needs smtp.auth.users-file");
        }
        positive("smtp.max-recipients", smtp.maxRecipients());
        positive("smtp.max-connections", smtp.maxConnections());

        StoreSettings store = new StoreSettings(
                value("store.url", "jdbc:sqlite:data/tactgate.db", this::jdbcUrl),
                optionalText("store.username"),
                optionalText("store.password"));

        Optional<String> upstreamHost = optionalText("upstream.host");
        int upstreamPort = value("upstream.port", "25", Integer::parseInt);
        if (upstreamPort <= 0 || upstreamPort > 65535) {
            throw new ConfigException(file, "upstream.port", "out of range: " + upstreamPort);
        }
        DeliverySettings delivery = new DeliverySettings(
                upstreamHost.map(h -> new HostPort(h, upstreamPort)),
                value("upstream.starttls", "opportunistic",
                        s -> DeliverySettings.StartTls.valueOf(s.trim().toUpperCase(Locale.ROOT))),
                optionalText("upstream.username"),
                optionalText("upstream.password"),
                path("upstream.tls.trust-file"),
                path("delivery.outbox").orElse(folder.resolve("data/outbox")),
                value("delivery.workers", "8", Integer::parseInt),
                value("delivery.connect-timeout", "30s", SettingsLoader::parseDuration),
                value("delivery.retry.initial", "1m", SettingsLoader::parseDuration),
                value("delivery.retry.max-interval", "1h", SettingsLoader::parseDuration),
                value("delivery.retry.max-age", "5d", SettingsLoader::parseDuration),
                value("delivery.poll-interval", "1s", SettingsLoader::parseDuration));
        positive("delivery.workers", delivery.workers());
        if (delivery.username().isPresent() != delivery.password().isPresent()) {
            throw new ConfigException(file, "upstream.password", "upstream.username and upstream.password go together");
        }

        DirectorySettings directory = new DirectorySettings(
                lowerCase(list("internal.domains", "")),
                path("customers.file"),
                value("customers.external-default", "true", SettingsLoader::parseBoolean),
                lowerCase(list("partners.domains", "")));

        WebSettings web = new WebSettings(
                value("web.listen", "127.0.0.1:8025", HostPort::parse),
                optionalText("web.console-listen").map(v -> value("web.console-listen", v, HostPort::parse)),
                value("web.session-timeout", "30m", SettingsLoader::parseDuration));
        if (web.sessionTimeout().isZero()) {
            throw new ConfigException(file, "web.session-timeout", "must be longer than zero");
        }
        java.util.Map<String, Double> thresholds = new java.util.HashMap<>();
        InspectSettings.DEFAULT_THRESHOLDS.forEach((detector, fallback) -> {
            String key = "inspect." + detector + ".threshold";
            double t = value(key, String.valueOf(fallback), Double::parseDouble);
            if (t < 0 || t > 1) {
                throw new ConfigException(file, key, "must be between 0 and 1, got " + t);
            }
            thresholds.put(detector, t);
        });
        int passages = value("inspect.reader.max-passages", String.valueOf(InspectSettings.DEFAULT_READER_PASSAGES),
                Integer::parseInt);
        if (passages < 1) {
            throw new ConfigException(file, "inspect.reader.max-passages", "must be at least 1, got " + passages);
        }
        int cache = value("inspect.reader.cache", String.valueOf(InspectSettings.DEFAULT_READER_CACHE),
                Integer::parseInt);
        if (cache < 0) {
            throw new ConfigException(file, "inspect.reader.cache", "must be 0 or more, got " + cache);
        }
        // "model" keeps the threshold the training chose; a site may only be stricter or looser within
        // the range where the reader's scores mean something (below 0.5 it would fire on most text)
        java.util.OptionalDouble readerThreshold = java.util.OptionalDouble.empty();
        String readerAt = text("inspect.reader.threshold", "model");
        if (!readerAt.equalsIgnoreCase("model")) {
            double at = value("inspect.reader.threshold", readerAt, Double::parseDouble);
            if (at < 0.5 || at > 1) {
                throw new ConfigException(file, "inspect.reader.threshold",
                        "must be 'model' or a number from 0.5 to 1, got " + at);
            }
            readerThreshold = java.util.OptionalDouble.of(at);
        }
        InspectSettings inspect = new InspectSettings(thresholds, path("inspect.lexicons"),
                value("inspect.reader", "on", SettingsLoader::parseBoolean), passages,
                value("inspect.reader.abuse", "off", SettingsLoader::parseBoolean), cache, readerThreshold);
        PolicySettings policy = new PolicySettings(path("policy.file"),
                value("policy.monitor", "false", SettingsLoader::parseBoolean),
                value("policy.deadline-check", "30s", SettingsLoader::parseDuration));
        Optional<Duration> digest = optionalText("notify.digest-interval").map(v -> value("notify.digest-interval", v,
                SettingsLoader::parseDuration)).filter(d -> !d.isZero());
        NotifySettings notify = new NotifySettings(
                path("notify.secret-file").orElse(folder.resolve("data/notify.key")),
                text("notify.from", "tactgate@" + smtp.hostname()),
                list("notify.reviewers", ""), digest,
                value("web.base-url", "http://127.0.0.1:8025", SettingsLoader::baseUrl));
        RetentionSettings retention = new RetentionSettings(
                value("retention.period", "30d", SettingsLoader::parseDuration),
                value("retention.check", "1h", SettingsLoader::parseDuration));
        positive("policy.deadline-check", policy.deadlineCheck().toMillis());
        positive("retention.check", retention.check().toMillis());
        return new Settings(file, smtp, store, delivery, directory, web, inspect, policy, notify, retention);
    }

    /** An http(s) URL without a trailing slash. */
    private static String baseUrl(String text) {
        java.net.URI uri = java.net.URI.create(text.trim());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected an http:// or https:// URL");
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private void warnUnknownKeys() {
        for (Iterator<String> keys = props.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KNOWN_KEYS.contains(key)) {
                log.warn("{}: unknown setting '{}' is ignored", file, key);
            }
        }
    }

    private <T> T value(String key, String fallback, Function<String, T> parse) {
        String raw = optionalText(key).orElse(fallback);
        try {
            return parse.apply(raw);
        } catch (RuntimeException e) {
            throw new ConfigException(file, key, "invalid value '" + raw + "': " + e.getMessage());
        }
    }

    private String text(String key, String fallback) {
        return optionalText(key).orElse(fallback);
    }

    private Optional<String> optionalText(String key) {
        String v = props.getString(key, null);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private List<String> list(String key, String fallback) {
        String raw = optionalText(key).orElse(fallback);
        List<String> out = new ArrayList<>();
        for (String part : raw.split(",")) {
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
            throw new ConfigException(file, key, "must be positive, got " + value);
        }
    }

    /** Resolves a relative SQLite file against the settings folder; other URLs pass unchanged. */
    private String jdbcUrl(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL");
        }
        if (url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:sqlite::memory:")) {
            String rest = url.substring("jdbc:sqlite:".length());
            int q = rest.indexOf('?');
            String filePart = q < 0 ? rest : rest.substring(0, q);
            String query = q < 0 ? "" : rest.substring(q);
            return "jdbc:sqlite:" + folder.resolve(filePart).normalize() + query;
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only jdbc:sqlite: and jdbc:postgresql: stores are supported");
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

    /** {@code 30s}, {@code 5m}, {@code 2h}, {@code 5d}, {@code 250ms}; a bare number is seconds. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
        }
        char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        String number = Character.isDigit(unit) ? t : t.substring(0, t.length() - 1).trim();
        long n = Long.parseLong(number);
        if (n < 0) {
            throw new IllegalArgumentException("negative duration");
        }
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> {
                if (Character.isDigit(unit)) {
                    yield Duration.ofSeconds(n);
                }
                throw new IllegalArgumentException("unit must be ms, s, m, h or d");
            }
        };
    }

    /** {@code 25M}, {@code 512k}, {@code 1G}, with an optional trailing {@code B}; a bare number is bytes. */
    public static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        long factor = 1;
        char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        switch (unit) {
            case 'K' -> factor = 1024L;
            case 'M' -> factor = 1024L * 1024;
            case 'G' -> factor = 1024L * 1024 * 1024;
            default -> { }
        }
        String number = factor == 1 ? t.replaceAll("B$", "") : t.substring(0, t.length() - 1);
        long n = Long.parseLong(number.trim());
        if (n <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return n * factor;
    }

    static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

}
