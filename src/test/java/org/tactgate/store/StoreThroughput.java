package org.tactgate.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tactgate.config.StoreSettings;
import org.tactgate.store.internal.Database.WriteMode;

/**
 * Measures accept(): N threads (default 32) accepting 5 KB messages, bounded by a message count
 * and a time limit; prints accepts/s and latency percentiles. Not a test (no pass/fail); run:
 * {@code java -cp target/classes:target/test-classes:<deps> org.tactgate.store.StoreThroughput
 * sqlite|postgres-group|postgres-per-write [threads] [messages] [seconds]}.
 */
public final class StoreThroughput {
    private static final int SIZE = 5 * 1024;

    private StoreThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "sqlite";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        long seconds = args.length > 3 ? Long.parseLong(args[3]) : 60;

        Path dir = Files.createTempDirectory("tactgate-throughput");
        String schema = "tactgate_bench_" + Long.toString(System.nanoTime(), 36);
        try (MessageStore store = open(backend, dir, schema)) {
            run(store, threads, Math.min(2_000, messages / 10), seconds); // warm-up, not reported
            Result r = run(store, threads, messages, seconds);
            System.out.printf("%s threads=%d accepted=%d in %.2fs: %.0f accepts/s; latency ms p50=%.2f p99=%.2f max=%.2f%n",
                    backend, threads, r.latencies.length, r.seconds, r.latencies.length / r.seconds,
                    r.percentile(50), r.percentile(99), r.percentile(100));
        } finally {
            if (backend.startsWith("postgres")) {
                sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static MessageStore open(String backend, Path dir, String schema) throws Exception {
        if (backend.equals("sqlite")) {
            return JdbcMessageStore.open(new StoreSettings("jdbc:sqlite:" + dir.resolve("bench.db"),
                    Optional.empty(), Optional.empty()));
        }
        sql("CREATE SCHEMA " + schema);
        StoreSettings s = new StoreSettings(PostgresMessageStoreTest.withSchema(PostgresMessageStoreTest.URL, schema),
                Optional.empty(), Optional.empty());
        return JdbcMessageStore.open(s, backend.equals("postgres-group")
                ? WriteMode.GROUP_COMMIT : WriteMode.TRANSACTION_PER_WRITE);
    }

    private static Result run(MessageStore store, int threads, int messages, long seconds) throws Exception {
        byte[] body = new byte[SIZE];
        Arrays.fill(body, (byte) 'x');
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger remaining = new AtomicInteger(messages);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[messages];
                int n = 0;
                while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    NewMessage m = MessageFixtures.queued(Instant.now());
                    NewMessage big = new NewMessage(m.id(), m.envelope(), body, m.decision(), m.state());
                    long t0 = System.nanoTime();
                    store.accept(big);
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(latencies, elapsed);
    }

    private record Result(long[] latencies, double seconds) {
        double percentile(int p) {
            int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresMessageStoreTest.URL);
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
