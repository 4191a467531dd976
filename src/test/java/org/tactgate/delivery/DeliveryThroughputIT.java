package org.tactgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tactgate.store.InMemoryMessageStore;
import org.tactgate.store.MessageState;

/**
 * Measures delivery throughput to a fast local sink with 8 workers (goal: 1,000 msgs/s on a quiet
 * machine). Bounded: 3,000 messages, 60 s. Asserts only that all arrive over few connections;
 * the rate is logged, since the build machine is shared.
 */
class DeliveryThroughputIT {
    private static final Logger log = LoggerFactory.getLogger(DeliveryThroughputIT.class);
    private static final int MESSAGES = 3_000;
    private static final int WORKERS = 8;

    @Test
    void eightWorkersShouldRelayThousandsOfMessagesOverReusedConnections() {
        InMemoryMessageStore store = new InMemoryMessageStore();
        String body = TestMessages.simpleMessage("load") + "x".repeat(2_000) + "\r\n";
        IntStream.range(0, MESSAGES).forEach(i -> store.accept(
                TestMessages.queued("alice@northwind.example", List.of("bob@customer.example"), body)));
        ch.qos.logback.classic.Logger workerLog =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(DeliveryWorker.class);
        workerLog.setLevel(ch.qos.logback.classic.Level.WARN);
        try (RecordingSmtpServer sink = RecordingSmtpServer.onAnyPort()) {
            DeliveryQueue queue = new DeliveryQueue(store, TestMessages.smtp(sink.port(), WORKERS),
                    TestMessages.HOSTNAME, Upstream.factory(TestMessages.smtp(sink.port(), WORKERS), TestMessages.HOSTNAME),
                    Clock.systemUTC());
            long start = System.nanoTime();
            queue.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> store.countByState().getOrDefault(MessageState.DELIVERED, 0L) == MESSAGES);
            double seconds = (System.nanoTime() - start) / 1e9;
            queue.stop(Duration.ofSeconds(5));
            log.info("THROUGHPUT: {} messages in {} s = {} msgs/s over {} SMTP sessions with {} workers",
                    MESSAGES, String.format("%.2f", seconds), String.format("%.0f", MESSAGES / seconds),
                    sink.sessionCount(), WORKERS);
            assertThat(sink.received()).hasSize(MESSAGES);
            // 100 messages per connection at most, so at least 30 sessions; far fewer than one per message.
            assertThat(sink.sessionCount()).isBetween(MESSAGES / SmtpUpstream.MAX_MESSAGES_PER_CONNECTION,
                    MESSAGES / SmtpUpstream.MAX_MESSAGES_PER_CONNECTION + 2 * WORKERS);
        } finally {
            workerLog.setLevel(null);
        }
    }
}
