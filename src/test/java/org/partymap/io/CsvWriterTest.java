package org.partymap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void cellsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",,\"two\nlines\"\r\n", CsvWriter.row("a", "b,c", "say \"hi\"", null, "two\nlines"));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreDefused() {
        assertEquals("'=HYPERLINK(\"http://evil\")", CsvWriter.spreadsheetSafe("=HYPERLINK(\"http://evil\")"));
        assertEquals("'+1", CsvWriter.spreadsheetSafe("+1"));
        assertEquals("'@SUM(A1)", CsvWriter.spreadsheetSafe("@SUM(A1)"));
        assertEquals("网格员", CsvWriter.spreadsheetSafe("网格员"));
        assertEquals("", CsvWriter.spreadsheetSafe(""));
    }
}
