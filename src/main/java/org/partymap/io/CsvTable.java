package org.partymap.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file read whole: a header and rows, each row with the line it starts on. RFC 4180 quoting
 * (quoted fields may hold commas, quotes as {@code ""} and line breaks); the delimiter is a comma,
 * or a tab when the header has tabs and no commas. A row with a different number of fields than
 * the header is refused with its line number.
 */
public final class CsvTable {

    /** One data row: its fields and the (1-based) line of the file it starts on. */
    public record Row(int line, List<String> fields) {
    }

    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows;

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
    }

    /** A CSV file's bytes, read: the table, and the encoding they were in ({@link TextDecoding}'s name for it). */
    public record Read(CsvTable table, String encoding) {
    }

    /** Decodes the bytes (UTF-8 with or without BOM, or GBK) and parses them; text that is no text is a CsvException too. */
    public static Read read(byte[] bytes) {
        TextDecoding.Decoded decoded;
        try {
            decoded = TextDecoding.decode(bytes);
        } catch (TextDecoding.DecodingException e) {
            throw new CsvException(e.getMessage());
        }
        return new Read(parse(decoded.text()), decoded.encoding());
    }

    public static CsvTable parse(String text) {
        List<Row> records = new Parser(text).records();
        if (records.isEmpty() || records.get(0).fields().stream().allMatch(String::isBlank)) {
            throw new CsvException("the CSV file is empty: it needs a header line");
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        var rows = new ArrayList<Row>();
        for (Row r : records.subList(1, records.size())) {
            if (r.fields().size() == 1 && r.fields().get(0).isBlank()) {
                continue;
            }
            if (r.fields().size() != header.size()) {
                throw new CsvException("line " + r.line() + ": " + r.fields().size() + " fields, but the header has "
                        + header.size());
            }
            rows.add(r);
        }
        return new CsvTable(header, rows);
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The index of the first column named like one of {@code names} (case-insensitive). */
    public Optional<Integer> column(String... names) {
        for (String name : names) {
            Integer i = columns.get(name.toLowerCase(Locale.ROOT));
            if (i != null) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** A CSV file that cannot be read; the message names the line. */
    public static final class CsvException extends RuntimeException {
        public CsvException(String message) {
            super(message);
        }
    }

    private static final class Parser {
        private final String text;
        private final char delimiter;
        private int pos;
        private int line = 1;

        Parser(String text) {
            this.text = text;
            int end = text.indexOf('\n');
            String first = end < 0 ? text : text.substring(0, end);
            this.delimiter = first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : ',';
        }

        List<Row> records() {
            var out = new ArrayList<Row>();
            while (pos < text.length()) {
                int startLine = line;
                out.add(new Row(startLine, record()));
            }
            return out;
        }

        private List<String> record() {
            var fields = new ArrayList<String>();
            var field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            int quoteLine = line;
            while (pos < text.length()) {
                char ch = text.charAt(pos++);
                if (quoted) {
                    if (ch == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        field.append(ch);
                    }
                } else if (ch == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    quoteLine = line;
                } else if (ch == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                        pos++;
                    }
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else if (wasQuoted) {
                    throw new CsvException("line " + line + ": text after a closing quote");
                } else {
                    field.append(ch);
                }
            }
            if (quoted) {
                throw new CsvException("line " + quoteLine + ": a quoted field is never closed");
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
