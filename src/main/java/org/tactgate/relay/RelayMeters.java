package org.tactgate.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import org.tactgate.inspect.LearnedReader;
import org.tactgate.inspect.Symbols;
import org.tactgate.store.MessageStore;
import org.tactgate.web.RelayMetrics;

/**
 * Everything {@code /metrics} shows for one relay: its own series ({@link RelayMetrics}), what the
 * learned reader costs, the build, and Micrometer's JVM (memory, GC, threads, class loading),
 * processor, file-descriptor and uptime binders. One per relay; {@link #close} once, at stop.
 */
final class RelayMeters implements AutoCloseable {
    private static final String PASSAGES = "tactgate.reader.passages";

    /**
     * Two of the processor binder's names that {@code promtool check metrics} rejects, so that a
     * site's lint (and CI's) stays clean: {@code process_cpu_time_ns_total} (an abbreviated unit;
     * {@code process_cpu_usage} says the same) is dropped, {@code system_cpu_count} (a "_count"
     * suffix on a gauge, which readers take for a histogram's count) becomes {@code system_cpu_processors}.
     */
    private static final MeterFilter PROMTOOL_NAMES = new MeterFilter() {
        @Override
        public MeterFilterReply accept(Meter.Id id) {
            return id.getName().equals("process.cpu.time") ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
        }

        @Override
        public Meter.Id map(Meter.Id id) {
            return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.processors") : id;
        }
    };

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final RelayMetrics relay;
    // the GC binder listens to the JVM's GC notifications until closed; a relay started twice in
    // one JVM (the tests) would otherwise keep the first one's listeners
    private final JvmGcMetrics gc = new JvmGcMetrics();

    RelayMeters(MessageStore store) {
        registry.config().meterFilter(PROMTOOL_NAMES);
        this.relay = new RelayMetrics(registry, store, detectors());
        meterReader(relay);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("tactgate.build.info", () -> 1).tag("version", BuildVersion.current())
                .description("the running Tactgate's version; always 1").strongReference(true).register(registry);
    }

    /** Every detector a finding can name: the symbols registry lists each with its detector. */
    private static List<String> detectors() {
        return Symbols.standard().all().stream().map(Symbols.Symbol::detector).distinct().sorted().toList();
    }

    /** What the learned reader costs, for an admin deciding on {@code inspect.reader} and its cache. */
    private static void meterReader(RelayMetrics metrics) {
        metrics.countFrom(PASSAGES, "passages the learned reader read", Map.of("source", "model"),
                () -> LearnedReader.cost().scored(), 1);
        metrics.countFrom(PASSAGES, "passages the learned reader read", Map.of("source", "cache"),
                () -> LearnedReader.cost().cached(), 1);
        metrics.countFrom("tactgate.reader.model.seconds", "time spent running the reader model",
                Map.of(), () -> LearnedReader.cost().modelNanos(), 1e-9);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
