package org.tactgate.directory;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of an RFC 4180 file, read by Jackson's streaming CSV parser, each with the line it
 * starts on. Blank lines and lines starting with '#' are not rows. Not thread-safe: one reader.
 *
 * <p>Throws Jackson's {@code JsonProcessingException} (an {@link IOException}) for quoting the
 * parser cannot recover from, such as an unclosed quote; its location names the line.
 */
final class CsvRows implements Closeable {
    private static final CsvFactory FACTORY = CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private final CsvParser parser;

    CsvRows(Reader in) throws IOException {
        this.parser = FACTORY.createParser(withoutByteOrderMark(in));
        // no columns in the schema: each row comes as an array, and the caller reads the header itself
        parser.setSchema(CsvSchema.emptySchema().withComments());
    }

    /** One row: the line it starts on (a quoted field may carry it over several) and its fields as written. */
    record Row(long line, List<String> fields) {
    }

    /** The next row, or empty at the end of the file. */
    Optional<Row> next() throws IOException {
        if (parser.nextToken() == null) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        long line = parser.currentLocation().getLineNr();
        for (JsonToken t = parser.nextToken(); t == JsonToken.VALUE_STRING; t = parser.nextToken()) {
            if (fields.isEmpty()) {
                // Jackson places a row's START_ARRAY where the row before it ended; its first field has the row's own line
                line = parser.currentTokenLocation().getLineNr();
            }
            fields.add(parser.getText());
        }
        return Optional.of(new Row(line, List.copyOf(fields)));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Excel's "CSV UTF-8" starts with a BOM; Jackson skips one only when it decodes bytes itself. */
    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader out = new PushbackReader(in, 1);
        int first = out.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            out.unread(first);
        }
        return out;
    }
}
