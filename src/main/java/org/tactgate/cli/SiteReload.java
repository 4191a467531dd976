package org.tactgate.cli;

import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.tactgate.config.ConfigException;
import org.tactgate.config.Settings;
import org.tactgate.directory.CustomersCheck;
import org.tactgate.directory.Directory;
import org.tactgate.inspect.LearnedReader;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.policy.Policy;
import org.tactgate.relay.WorkingSet;

/**
 * What a running relay re-reads on a reload (SIGHUP): the customers file, the policy file, the
 * lexicons and the STARTTLS certificate and key, with the readers the start check uses
 * ({@link CustomersCheck}, {@link SiteFiles}), so that a reload refuses exactly what a start
 * would, in the same words: one {@link ConfigException} naming the settings file, the key and
 * the file. The settings file itself is not re-read (listeners, store, upstream and the rest are
 * read once, at start); the learned reader is kept, its model being the jar's and not a site file.
 *
 * <p>The customers file is re-read by the relay's {@link Directory}, the one that already
 * re-reads it when it changes, told to do so now; it keeps its previous list should the file
 * break between the check and that read.
 */
final class SiteReload implements Supplier<WorkingSet> {
    private final Settings settings;
    private final Directory directory;
    private final Optional<LearnedReader> reader;

    SiteReload(Settings settings, Directory directory, Optional<LearnedReader> reader) {
        this.settings = settings;
        this.directory = directory;
        this.reader = reader;
    }

    /** @throws ConfigException for the first file that a start would refuse; nothing has changed then */
    @Override
    public WorkingSet get() {
        // every file is read and checked before any is taken, so a broken one changes nothing;
        // each skipped customer row is logged by the directory as it reads the file below
        CustomersCheck.check(settings, problem -> { });
        Policy policy = Detection.policy(settings, directory, SiteFiles.policyRules(settings));
        MessageInspector inspector = Detection.inspector(directory, SiteFiles.lexicon(settings), reader);
        Optional<SSLContext> tls = SiteFiles.tls(settings);
        directory.reload();
        return new WorkingSet(inspector, policy, tls);
    }
}
