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
    void everyUnreadableRowIsListedInOneRefusalNotOnlyTheFirst() {
        var e = assertThrows(CsvTable.CsvException.class, () -> CsvTable.parse("a,b\n1\n2,3\n\"x\"y,4\n5,6,7\n"));
        assertEquals("line 2: 1 field, but the header has 2; line 4: text after a closing quote; line 5: 3 fields, but the header has 2",
                e.getMessage());
    }

    @Test
    void keepingProblemsGivesTheReadableRowsAndTheLinesOfTheOthers() {
        var t = CsvTable.parseKeepingProblems("a,b\n1\n2,3\n4,5,6\n");
        assertEquals(List.of(new CsvTable.Row(3, List.of("2", "3"))), t.rows());
        assertEquals(List.of(new CsvTable.Problem(2, "1 field, but the header has 2"), new CsvTable.Problem(4, "3 fields, but the header has 2")),
                t.problems());
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
