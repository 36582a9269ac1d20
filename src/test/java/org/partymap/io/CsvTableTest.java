package org.partymap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        var t = CsvTable.parse("name,address\n\"A, B\",\"say \"\"hi\"\"\"\nC,\"two\nlines\"\nD,e\n");
        assertEquals(List.of("name", "address"), t.header());
        assertEquals(List.of("A, B", "say \"hi\""), t.rows().get(0).fields());
        assertEquals(List.of("C", "two\nlines"), t.rows().get(1).fields());
        assertEquals(3, t.rows().get(1).line());
        assertEquals(5, t.rows().get(2).line());
    }

    @Test
    void windowsLineEndingsAndABlankLastLineAreFine() {
        var t = CsvTable.parse("a,b\r\n1,2\r\n\r\n");
        assertEquals(1, t.rows().size());
        assertEquals(List.of("1", "2"), t.rows().get(0).fields());
    }

    @Test
    void aTabSeparatedHeaderMakesTabTheDelimiter() {
        var t = CsvTable.parse("名称\t经度\n站点\t120.1\n");
        assertEquals(List.of("站点", "120.1"), t.rows().get(0).fields());
        assertEquals(1, t.column("经度").orElseThrow());
    }

    @Test
    void aRaggedRowIsRefusedWithItsLineNumber() {
        var e = assertThrows(CsvTable.CsvException.class, () -> CsvTable.parse("a,b\n1,2\n3\n"));
        assertTrue(e.getMessage().startsWith("line 3:"), e.getMessage());
    }

    @Test
    void anUnclosedQuoteIsRefusedWithTheLineItOpensOn() {
        var e = assertThrows(CsvTable.CsvException.class, () -> CsvTable.parse("a,b\n1,\"open\n2,3\n"));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThrows(CsvTable.CsvException.class, () -> CsvTable.parse(""));
    }

    @Test
    void columnsAreFoundByAnyOfTheirNamesIgnoringCase() {
        var t = CsvTable.parse("Name,LON,lat\nx,1,2\n");
        assertEquals(1, t.column("lng", "lon").orElseThrow());
        assertTrue(t.column("missing").isEmpty());
    }
}
