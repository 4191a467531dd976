package org.tactgate.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tactgate.config.DirectorySettings;
import org.tactgate.directory.Directory;
import org.tactgate.inspect.DetectionInspector;
import org.tactgate.message.Inspection;
import org.tactgate.inspect.Lexicon;
import org.tactgate.message.Envelope;

/**
 * DetectionInspector alone (parse + all detectors) on a realistic reply to a customer that
 * carries a colleague's quoted thread, sized about 5 KB or 50 KB. Run with bench/inspect.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InspectBenchmark {
    private static final String REPLY = """
            Dear Joan,

            Thank you for your note about the spring conference. I have checked the room block again and we can
            hold forty rooms for the nights of 14 and 15 May at the rate we agreed last year. Breakfast is
            included, and the meeting room comes with a projector, two screens and coffee at ten and three.
            If your numbers change, let me know by the end of April and I will adjust the block without charge.

            Kind regards,
            Ana Costa
            Events Manager, Globex Hotels
            T +44 20 7946 0000

            """;
    private static final String QUOTED_TURN = """
            -----Original Message-----
            From: Tom Reyes <tom@globex.example>
            Sent: 02 April 2024 14:10
            To: Ana Costa <ana@globex.example>
            Subject: RE: Parkway spring conference

            Ana, the figures look fine to me. Parkway have been with us for years and always settle on time, so
            the usual terms are right. The kitchen has asked for final numbers a week ahead, and the AV team
            needs the running order by the Friday before. Can you also check whether they want the terrace for
            the drinks reception? The forecast is poor, so I would keep the Orangery as the fallback.

            Tom

            """;
    private static final DetectionInspector INSPECTOR = DetectionInspector.standard(
            Directory.of(new DirectorySettings(List.of("globex.example"), Optional.empty(), true, List.of())),
            Lexicon.load(Optional.empty()));
    private static final Envelope ENVELOPE = new Envelope("ana@globex.example", List.of("joan@parkwaydental.example"),
            "127.0.0.1", "bench", Optional.empty(), Instant.EPOCH);

    @Param({"5", "50"})
    public int kilobytes;

    private byte[] message;

    @Setup
    public void build() {
        StringBuilder b = new StringBuilder("""
                From: Ana Costa <ana@globex.example>\r
                To: Joan Whitley <joan@parkwaydental.example>\r
                Subject: RE: Parkway spring conference\r
                Date: Tue, 2 Apr 2024 16:00:00 +0000\r
                Message-ID: <bench@globex.example>\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=utf-8\r
                Content-Transfer-Encoding: 8bit\r
                \r
                """).append(REPLY);
        while (b.length() < kilobytes * 1024) {
            b.append(QUOTED_TURN);
        }
        message = b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Inspection inspect() {
        return INSPECTOR.inspect(ENVELOPE, message);
    }
}
