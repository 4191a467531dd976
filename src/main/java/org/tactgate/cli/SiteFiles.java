package org.tactgate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.tactgate.config.Settings;
import org.tactgate.config.SettingsFile;
import org.tactgate.delivery.PemTrust;
import org.tactgate.inspect.Lexicon;
import org.tactgate.policy.RulesFile;
import org.tactgate.smtp.NetworkList;
import org.tactgate.smtp.PemCredentials;
import org.tactgate.smtp.UsersFile;

/**
 * The part of {@link StartCheck} that reads what the settings point at, with the same readers the
 * relay uses when it starts (so the two cannot judge a file differently): the networks, the AUTH
 * users file, the STARTTLS certificate and key, the upstream trust file, the policy rules, the
 * site lexicons, and the places the relay will write to. A reload ({@link SiteReload}) reads the
 * policy, lexicons and TLS material with the same methods and keeps what they return.
 */
final class SiteFiles {
    private SiteFiles() {
    }

    static void check(Settings settings) {
        SettingsFile source = settings.source();
        StartCheck.about(source, "smtp.allowed-networks",
                "expected IP addresses or CIDR blocks, e.g. 10.0.0.0/8, 192.168.1.0/24, ::1/128",
                () -> NetworkList.parse(settings.smtp().allowedNetworks()));
        readable(source, "smtp.auth.users-file", settings.smtp().authUsersFile(), "file of user:hash lines (tactgate smtp-user)")
                .ifPresent(file -> StartCheck.about(source, "smtp.auth.users-file", "", () -> UsersFile.load(file)));
        tls(settings);
        readable(source, "upstream.tls.trust-file", settings.delivery().tlsTrustFile(), "PEM file of certificates to trust")
                .ifPresent(file -> StartCheck.about(source, "upstream.tls.trust-file", "",
                        () -> PemTrust.socketFactory(file)));
        policyRules(settings);
        if (settings.inspect().lexiconFolder().isPresent()) {
            lexicon(settings);
        }
        WritablePlaces.check(settings);
    }

    /** The rules of {@code policy.file}, or empty for the built-in rules when it is not set. */
    static Optional<RulesFile.RuleSet> policyRules(Settings settings) {
        SettingsFile source = settings.source();
        return readable(source, "policy.file", settings.policy().file(),
                "policy rules file (docs/policy.md), or no policy.file for the built-in rules")
                .map(file -> StartCheck.about(source, "policy.file", "", () -> RulesFile.read(file)));
    }

    /** The built-in lexicons with the site's folder ({@code inspect.lexicons}) added when it is set. */
    static Lexicon lexicon(Settings settings) {
        SettingsFile source = settings.source();
        Optional<Path> folder = settings.inspect().lexiconFolder();
        if (folder.isPresent() && !Files.isDirectory(folder.get())) {
            throw source.refuse("inspect.lexicons", folder.get() + ": no such folder; expected a folder of lexicon"
                    + " files (docs/lexicons.md)");
        }
        return StartCheck.about(source, "inspect.lexicons", "", () -> Lexicon.load(folder));
    }

    /** The STARTTLS identity of {@code smtp.tls.certificate} and {@code smtp.tls.key}, or empty when they are not set. */
    static Optional<SSLContext> tls(Settings settings) {
        SettingsFile source = settings.source();
        Optional<Path> certificate = readable(source, "smtp.tls.certificate", settings.smtp().tlsCertificate(),
                "PEM certificate chain, leaf first");
        Optional<Path> key = readable(source, "smtp.tls.key", settings.smtp().tlsKey(),
                "PEM PKCS#8 key (BEGIN PRIVATE KEY)");
        if (certificate.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        // read one file at a time so that the error blames the setting that is wrong
        Certificate[] chain = StartCheck.about(source, "smtp.tls.certificate",
                "expected a PEM certificate chain, leaf first", () -> PemCredentials.readChain(certificate.get()));
        return Optional.of(StartCheck.about(source, "smtp.tls.key", "",
                () -> PemCredentials.sslContext(chain, certificate.get(), key.get())));
    }

    /** A file that must exist and be readable; {@code holds} says what it should be. */
    static Optional<Path> readable(SettingsFile source, String key, Optional<Path> file, String holds) {
        file.ifPresent(f -> {
            if (!Files.exists(f)) {
                throw source.refuse(key, f + ": no such file; expected a readable " + holds);
            }
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw source.refuse(key, f + ": not a file this user can read; expected a readable " + holds);
            }
        });
        return file;
    }
}
