package org.tactgate.smtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads the text after {@code DATA} off the raw connection: up to and including the terminator
 * {@code CRLF . CRLF}, removing the transparency dots (RFC 5321 4.5.2), keeping CRLF line ends.
 *
 * <p>SECURITY (SMTP smuggling): the only terminator is the strict {@code CRLF . CRLF}; a bare LF
 * or bare CR anywhere in the data (for example {@code LF . LF} or {@code CRLF . CR}) marks the
 * whole message as {@link DataFault#BARE_NEWLINE}, so it is refused rather than stored and later
 * relayed to a next hop that might read it as two messages. Reading always continues to the real
 * terminator, even after a fault, so the bytes after a fake terminator are never taken as commands.
 * Memory is bounded: past {@code maxSize} bytes the rest is counted and discarded. Reads one byte
 * at a time from the session's buffered stream and never past the terminator, so pipelined
 * commands after it stay for the command reader.
 */
final class DataReader {
    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final int DOT = '.';

    private final long maxSize;

    DataReader(long maxSize) {
        this.maxSize = maxSize;
    }

    /** Reads to the terminator; {@link EOFException} if the connection ends first. */
    ReceivedData read(InputStream in) throws IOException {
        Collector out = new Collector(maxSize);
        boolean lineStart = true;
        int c = next(in);
        while (true) {
            if (lineStart && c == DOT) {
                int after = next(in);
                if (after == CR) {
                    int afterCr = next(in);
                    if (afterCr == LF) {
                        return out.result();
                    }
                    // ". CR x": the dot was stuffing, the CR is bare.
                    out.bareNewline();
                    out.write(CR);
                    c = afterCr;
                    lineStart = false;
                    continue;
                }
                // A dot opening a line is transparency stuffing: drop it, keep what follows.
                c = after;
                lineStart = false;
                continue;
            }
            if (c == CR) {
                int after = next(in);
                if (after == LF) {
                    out.write(CR);
                    out.write(LF);
                    lineStart = true;
                    c = next(in);
                    continue;
                }
                out.bareNewline();
                out.write(CR);
                c = after;
                lineStart = false;
                continue;
            }
            if (c == LF) {
                // A bare LF does not start a line: only CRLF does, exactly as the terminator needs.
                out.bareNewline();
            }
            out.write(c);
            lineStart = false;
            c = next(in);
        }
    }

    private static int next(InputStream in) throws IOException {
        int c = in.read();
        if (c < 0) {
            throw new EOFException("connection closed before the end of DATA");
        }
        return c;
    }

    /** Collects content bytes up to the limit and remembers faults. */
    private static final class Collector {
        private final long maxSize;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        private long size;
        private boolean bareNewline;

        Collector(long maxSize) {
            this.maxSize = maxSize;
        }

        void write(int b) {
            if (size < maxSize) {
                bytes.write(b);
            }
            size++;
        }

        void bareNewline() {
            bareNewline = true;
        }

        ReceivedData result() {
            Optional<DataFault> fault = bareNewline ? Optional.of(DataFault.BARE_NEWLINE)
                    : size > maxSize ? Optional.of(DataFault.TOO_LARGE) : Optional.empty();
            return new ReceivedData(fault.isPresent() ? new byte[0] : bytes.toByteArray(), size, fault);
        }
    }
}
