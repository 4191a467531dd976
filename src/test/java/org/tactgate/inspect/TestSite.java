package org.tactgate.inspect;

import org.tactgate.message.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tactgate.config.DirectorySettings;
import org.tactgate.directory.Directory;
import org.tactgate.message.Envelope;

/**
 * A small made-up site for detector tests: staff at globex.example, a supplier at
 * quickfreight.example, two listed customers and every other address a customer.
 */
final class TestSite {
    static final Lexicon LEXICON = Lexicon.load(Optional.empty());
    private static final DetectionInspector INSPECTOR = DetectionInspector.standard(directory(), LEXICON);
    private static DetectionInspector withReader;

    private TestSite() {
    }

    static Directory directory() {
        try {
            Path csv = Files.createTempFile("customers", ".csv");
            Files.writeString(csv, """
                    name,emails,domains,aliases
                    Parkway Dental Group,joan@parkwaydental.example,parkwaydental.example,Parkway;Joan;Joan Whitley;the practice;Clipboard Queen
                    Oscar & Lena Delgado,oscar.d@mailbox.example;lena.d@mailbox.example,,the Delgados;Oscar;Lena;Discount King
                    """, StandardCharsets.UTF_8);
            csv.toFile().deleteOnExit();
            return Directory.of(new DirectorySettings(List.of("globex.example"), Optional.of(csv), true,
                    List.of("quickfreight.example")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mail from a colleague; {@code headers} like "To: a@b", "Cc: c@d". */
    static byte[] mail(String body, String... headers) {
        StringBuilder b = new StringBuilder("From: Ana Costa <ana@globex.example>\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        b.append("Subject: test\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        b.append(body.replace("\n", "\r\n"));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The standard detectors with the committed learned reader, both heads on (loaded on first use). */
    static synchronized DetectionInspector withReader() {
        if (withReader == null) {
            withReader = DetectionInspector.standard(directory(), LEXICON, Optional.of(LearnedReader.standard(16, true)));
        }
        return withReader;
    }

    /** Findings of the rules alone. */
    static List<Finding> inspect(byte[] mail) {
        return INSPECTOR.inspect(envelope(mail), mail).findings();
    }

    /** Findings of the rules and the learned reader. */
    static List<Finding> read(byte[] mail) {
        return withReader().inspect(envelope(mail), mail).findings();
    }

    /** The envelope {@code check} gives a saved message: its From, To, Cc and Bcc. */
    static Envelope envelope(byte[] mail) {
        return org.tactgate.cli.CheckCommand.envelope(new org.tactgate.mime.MessageParser().parse(mail));
    }

    /** The highest score a detector gave, 0 when it found nothing. */
    static double score(String detector, byte[] mail) {
        return inspect(mail).stream().filter(f -> f.detector().equals(detector))
                .mapToDouble(Finding::score).max().orElse(0);
    }
}
