package org.partymap.grid.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class SliversTest {

    private static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aGridHundredsOfMetresWideIsNoSliver() {
        Geometry grid = wkt("POLYGON ((0 0, 400 0, 400 300, 0 300, 0 0))");
        assertTrue(Slivers.hasWidth(grid, Slivers.MIN_WIDTH_M));
        assertFalse(Slivers.isThinOrTiny(grid));
    }

    @Test
    void aStripTwoMetresWideIsASliverHoweverLong() {
        Geometry strip = wkt("POLYGON ((0 0, 500 0, 500 2, 0 2, 0 0))");
        assertFalse(Slivers.hasWidth(strip, Slivers.MIN_WIDTH_M));
        assertTrue(Slivers.isThinOrTiny(strip));
        assertEquals(2.0, Slivers.width(strip), 0.2);
    }

    @Test
    void aPieceWideEnoughOnlyFarFromItsInteriorPointIsFoundWide() {
        // a long thin arm (2 m) with a 4 m wide knob at its end: the cheap test fails, the inscribed circle finds the knob
        Geometry arm = wkt("POLYGON ((0 0, 300 0, 300 -1, 304 -1, 304 3, 300 3, 300 2, 0 2, 0 0))");
        assertTrue(Slivers.hasWidth(arm, 3.5));
        assertFalse(Slivers.hasWidth(arm, 4.5));
    }

    @Test
    void aPieceSmallerThanTheLeastAreaIsASliverHoweverRound() {
        assertTrue(Slivers.isThinOrTiny(wkt("POLYGON ((0 0, 6 0, 6 6, 0 6, 0 0))")));
    }
}
