package org.tactgate.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataReaderTest {

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static ReceivedData read(String text) throws IOException {
        return new DataReader(1000).read(stream(text));
    }

    private static String content(ReceivedData data) {
        assertThat(data.fault()).isEmpty();
        return new String(data.content(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldReturnContentUpToTheTerminatorWithCrlfLineEnds() throws IOException {
        ReceivedData data = read("Subject: hi\r\n\r\nbody\r\n.\r\n");
        assertThat(content(data)).isEqualTo("Subject: hi\r\n\r\nbody\r\n");
        assertThat(data.size()).isEqualTo(21);
    }

    @Test
    void shouldRemoveTransparencyDotsIncludingOnTheFirstLine() throws IOException {
        assertThat(content(read("..first\r\nmid\r\n..\r\n...three\r\na.b\r\n.\r\n")))
                .isEqualTo(".first\r\nmid\r\n.\r\n..three\r\na.b\r\n");
    }

    @Test
    void emptyMessageShouldBeEmpty() throws IOException {
        assertThat(content(read(".\r\n"))).isEmpty();
    }

    @Test
    void shouldNotReadPastTheTerminator() throws IOException {
        ByteArrayInputStream in = stream("x\r\n.\r\nQUIT\r\n");
        new DataReader(1000).read(in);
        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("QUIT\r\n");
    }

    @Test
    void lfDotLfShouldNotEndTheDataAndShouldMarkABareNewline() throws IOException {
        ByteArrayInputStream in = stream("x\n.\nMAIL FROM:<evil@example.com>\r\nRCPT TO:<v@example.com>\r\nDATA\r\n.\r\nQUIT\r\n");
        ReceivedData data = new DataReader(1000).read(in);
        assertThat(data.fault()).contains(DataFault.BARE_NEWLINE);
        assertThat(data.content()).isEmpty();
        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("QUIT\r\n");
    }

    @Test
    void crlfDotCrShouldNotEndTheDataAndShouldMarkABareNewline() throws IOException {
        ByteArrayInputStream in = stream("x\r\n.\rMAIL FROM:<evil@example.com>\r\n.\r\nNOOP\r\n");
        assertThat(new DataReader(1000).read(in).fault()).contains(DataFault.BARE_NEWLINE);
        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("NOOP\r\n");
    }

    @Test
    void anyBareLfOrBareCrShouldBeAFault() throws IOException {
        assertThat(read("a\nb\r\n.\r\n").fault()).contains(DataFault.BARE_NEWLINE);
        assertThat(read("a\rb\r\n.\r\n").fault()).contains(DataFault.BARE_NEWLINE);
        assertThat(read("a\r\r\n.\r\n").fault()).contains(DataFault.BARE_NEWLINE);
        assertThat(read("a\r\n\nb\r\n.\r\n").fault()).contains(DataFault.BARE_NEWLINE);
        assertThat(read("a\r\n.\nb\r\n.\r\n").fault()).contains(DataFault.BARE_NEWLINE);
    }

    @Test
    void contentAtTheLimitShouldPassAndOneByteMoreShouldBeTooLarge() throws IOException {
        String line = "x".repeat(8) + "\r\n"; // 10 bytes
        ReceivedData exact = new DataReader(30).read(stream(line.repeat(3) + ".\r\n"));
        assertThat(exact.fault()).isEmpty();
        assertThat(exact.content()).hasSize(30);
        ReceivedData over = new DataReader(29).read(stream(line.repeat(3) + ".\r\n"));
        assertThat(over.fault()).contains(DataFault.TOO_LARGE);
        assertThat(over.size()).isEqualTo(30);
        assertThat(over.content()).isEmpty();
    }

    @Test
    void oversizeDataShouldStillBeReadToTheTerminator() throws IOException {
        ByteArrayInputStream in = stream("y".repeat(5000) + "\r\n.\r\nRSET\r\n");
        assertThat(new DataReader(100).read(in).fault()).contains(DataFault.TOO_LARGE);
        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("RSET\r\n");
    }

    @Test
    void connectionEndingInsideDataShouldBeAnEofError() {
        assertThatThrownBy(() -> read("Subject: cut\r\n")).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> read("x\r\n.\r")).isInstanceOf(EOFException.class);
    }

    @Test
    void eightBitAndUtf8BytesShouldPassUnchanged() throws IOException {
        byte[] utf8 = "Grüße, 東京\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] raw = new byte[utf8.length + 3];
        System.arraycopy(utf8, 0, raw, 0, utf8.length);
        System.arraycopy(".\r\n".getBytes(StandardCharsets.US_ASCII), 0, raw, utf8.length, 3);
        assertThat(new DataReader(1000).read(new ByteArrayInputStream(raw)).content()).isEqualTo(utf8);
    }
}
