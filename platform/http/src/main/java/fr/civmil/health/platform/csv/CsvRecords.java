package fr.civmil.health.platform.csv;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The records of an RFC 4180 file, one at a time: a header row, then records whose quoted fields may hold the
 * separator, doubled quotes and line breaks. A UTF-8 byte order mark is skipped and empty lines are ignored. Each
 * record carries the line it starts on, for messages that point into the file.
 */
public final class CsvRecords implements Iterator<CsvRecords.Record>, AutoCloseable {

    private static final CsvFactory FACTORY = CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    /** One record: the line it starts on (1 is the first line of the file) and its fields, as written. */
    public record Record(long line, List<String> values) {

        /** The fields by column name; missing trailing fields are absent and extra fields ignored. */
        public Map<String, String> asMap(List<String> header) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < values.size(); i++) {
                map.put(header.get(i), values.get(i));
            }
            return map;
        }
    }

    /** The file breaks the format at {@code line} (a quote never closed, say). */
    public static final class MalformedCsv extends RuntimeException {

        private final long line;

        MalformedCsv(long line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private final CsvParser parser;
    private final List<String> header;
    /** Read ahead by hasNext(), so that a malformed record fails the call that asks for it. */
    private Record next;
    private boolean ended;

    private CsvRecords(Reader in, char separator) {
        try {
            parser = FACTORY.createParser(withoutByteOrderMark(in));
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Record first = read();
        header = first == null ? List.of() : first.values();
    }

    /** Comma-separated records of {@code in}, after its header row. */
    public static CsvRecords read(Reader in) {
        return new CsvRecords(in, ',');
    }

    public static CsvRecords read(Reader in, char separator) {
        return new CsvRecords(in, separator);
    }

    public static CsvRecords read(String csv) {
        return read(new StringReader(csv));
    }

    /** The header row's names (empty for an empty file). */
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            try {
                next = read();
            } catch (MalformedCsv e) {
                // Nothing after a broken record can be trusted to start where it seems to.
                ended = true;
                throw e;
            }
            ended = next == null;
        }
        return next != null;
    }

    /** The next record; a {@link MalformedCsv} names the line where the format broke, and ends the records. */
    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Record record = next;
        next = null;
        return record;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Record read() {
        // Where the previous record ended: the next one starts on the line after.
        long line = parser.currentLocation().getLineNr() + 1;
        try {
            if (parser.nextToken() == null) {
                return null;
            }
            List<String> values = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null; token = parser.nextToken()) {
                if (values.isEmpty()) {
                    // The row's first value sits on the line the record starts on (empty lines before it are skipped).
                    line = parser.currentTokenLocation().getLineNr();
                }
                values.add(parser.getText());
            }
            return new Record(line, values);
        } catch (JsonProcessingException e) {
            throw new MalformedCsv(line, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
