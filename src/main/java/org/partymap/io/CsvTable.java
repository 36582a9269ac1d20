package org.partymap.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CSV file read whole: a header and rows, each row with the line it starts on. RFC 4180 quoting
 * (quoted fields may hold commas, quotes as {@code ""} and line breaks); the delimiter is a comma,
 * or a tab when the header has tabs and no commas. A row that cannot be read — a different number
 * of fields than the header, text after a closing quote, a quote never closed — is a {@link Problem}
 * naming its line; {@link #parse} refuses a file with any, listing every one of them (the first
 * {@value #MAX_PROBLEMS}), while {@link #parseKeepingProblems} hands them to a caller that reports
 * them beside its own checks of the readable rows.
 */
public final class CsvTable {

    /** One data row: its fields and the (1-based) line of the file it starts on. */
    public record Row(int line, List<String> fields) {
    }

    /** A row that cannot be read: its (1-based) line and what is wrong, without its values (they may be personal data). */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /** Problems a refusal lists; the rest are counted. */
    public static final int MAX_PROBLEMS = 20;

    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows;
    private final List<Problem> problems;

    private CsvTable(List<String> header, List<Row> rows, List<Problem> problems) {
        this.header = header;
        this.rows = rows;
        this.problems = problems;
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
    }

    /** A CSV file's bytes, read: the table, and the encoding they were in ({@link TextDecoding}'s name for it). */
    public record Read(CsvTable table, String encoding) {
    }

    /** Decodes the bytes (UTF-8 with or without BOM, or GBK) and parses them; text that is no text is a CsvException too. */
    public static Read read(byte[] bytes) {
        Read read = readKeepingProblems(bytes);
        read.table().refuseIfProblems();
        return read;
    }

    /** As {@link #read}, but rows that cannot be read are left out of {@link #rows} and listed in {@link #problems}. */
    public static Read readKeepingProblems(byte[] bytes) {
        TextDecoding.Decoded decoded;
        try {
            decoded = TextDecoding.decode(bytes);
        } catch (TextDecoding.DecodingException e) {
            throw new CsvException(e.getMessage());
        }
        return new Read(parseKeepingProblems(decoded.text()), decoded.encoding());
    }

    /** The table; a file with any row that cannot be read is refused with every such line (the first {@value #MAX_PROBLEMS}). */
    public static CsvTable parse(String text) {
        CsvTable table = parseKeepingProblems(text);
        table.refuseIfProblems();
        return table;
    }

    /** The header and the readable rows; the rows that cannot be read are in {@link #problems}. Only an empty file is refused. */
    public static CsvTable parseKeepingProblems(String text) {
        var parser = new Parser(text);
        List<Row> records = parser.records();
        if (records.isEmpty() || records.get(0).fields().stream().allMatch(String::isBlank)) {
            throw new CsvException("the CSV file is empty: it needs a header line");
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        var rows = new ArrayList<Row>();
        var problems = new ArrayList<>(parser.problems);
        for (Row r : records.subList(1, records.size())) {
            if (r.fields().size() == 1 && r.fields().get(0).isBlank()) {
                continue;
            }
            if (parser.badLines.contains(r.line())) {
                continue; // its problem is listed already
            }
            if (r.fields().size() != header.size()) {
                int n = r.fields().size();
                problems.add(new Problem(r.line(), n + (n == 1 ? " field" : " fields") + ", but the header has " + header.size()));
            } else {
                rows.add(r);
            }
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        return new CsvTable(header, rows, List.copyOf(problems));
    }

    private void refuseIfProblems() {
        if (problems.isEmpty()) {
            return;
        }
        var lines = new ArrayList<String>();
        for (Problem p : problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))) {
            lines.add(p.toString());
        }
        if (problems.size() > MAX_PROBLEMS) {
            lines.add("… and " + (problems.size() - MAX_PROBLEMS) + " more");
        }
        throw new CsvException(String.join("; ", lines));
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The rows that cannot be read, by line; empty for a table from {@link #parse} or {@link #read}. */
    public List<Problem> problems() {
        return problems;
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
        /** Problems the parser found, and the lines of the records they spoil. */
        final List<Problem> problems = new ArrayList<>();
        final Set<Integer> badLines = new HashSet<>();

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
                out.add(new Row(startLine, record(startLine)));
            }
            return out;
        }

        private List<String> record(int startLine) {
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
                    if (badLines.add(startLine)) {
                        problems.add(new Problem(line, "text after a closing quote"));
                    }
                    field.append(ch);
                } else {
                    field.append(ch);
                }
            }
            if (quoted) {
                // the rest of the file went into that field: nothing after the quote can be read
                problems.add(new Problem(quoteLine, "a quoted field is never closed"));
                badLines.add(startLine);
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
