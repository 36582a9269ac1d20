package org.partymap.io;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes CSV rows (RFC 4180: comma-separated, CRLF line ends, cells quoted when they hold a comma,
 * quote or line break). {@link #spreadsheetSafe} defuses cells that a spreadsheet would run as a
 * formula, for files people open in Excel or WPS.
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    /** One row, with its CRLF; null cells are empty. */
    public static String row(String... cells) {
        return Arrays.stream(cells).map(CsvWriter::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /**
     * A cell that starts with {@code = + - @}, a tab or a carriage return is prefixed with an
     * apostrophe, so that a spreadsheet shows it as text instead of evaluating it (CSV injection).
     */
    public static String spreadsheetSafe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
