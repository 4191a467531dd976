package org.tactgate.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.config.ConfigException;
import org.tactgate.config.Settings;
import org.tactgate.directory.Directory;
import org.tactgate.inspect.LearnedReader;
import org.tactgate.relay.Relay;
import org.tactgate.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tactgate serve}: runs the relay until SIGTERM/SIGINT, then stops gracefully; SIGHUP
 * re-reads the site's files ({@link SiteReload}) without stopping.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the relay.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings;
        try {
            // the same check config-check runs; each skipped customer row is logged by the Directory
            // as it loads the same file below
            settings = StartCheck.run(config.file(), problem -> { }).settings();
        } catch (ConfigException e) {
            log.error("configuration error: {}", e.getMessage());
            System.err.println("tactgate: configuration error: " + e.getMessage());
            return 2;
        }
        // SIGHUP is handled from here on: without a handler the JVM would take it for a request to
        // exit, and a reload asked for while the relay starts finds the files being read anyway
        AtomicReference<Runnable> onHangup = new AtomicReference<>(
                () -> log.info("SIGHUP while starting: nothing to reload yet, the files are being read now"));
        HangupSignal.onHangup(() -> onHangup.get().run());
        Relay relay;
        SiteReload reload;
        try {
            Directory directory = Directory.of(settings.directory());
            Optional<LearnedReader> reader = Detection.configuredReader(settings);
            reload = new SiteReload(settings, directory, reader);
            relay = Relay.start(settings, Detection.inspector(directory, SiteFiles.lexicon(settings), reader),
                    Detection.policy(settings, directory));
        } catch (StoreException e) {
            // a database that is down or refuses the login is not a bug: one line, no stack trace
            String problem = settings.source().refuse("store.url", "cannot open the store " + settings.store().url()
                    + ": " + e.getMessage()).getMessage();
            log.error("{}", problem);
            System.err.println("tactgate: " + problem);
            log.debug("store failure", e);
            return 1;
        } catch (RuntimeException e) {
            log.error("cannot start: {}", e.getMessage(), e);
            return 1;
        }
        onHangup.set(() -> relay.reload(reload));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            relay.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
