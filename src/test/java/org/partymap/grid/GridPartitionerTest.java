package org.partymap.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partymap.grid.StreetBlockPolygonizerTest.street;
import static org.partymap.grid.StreetBlockPolygonizerTest.wkt;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.partymap.grid.GridPartitioner.Grid;
import org.partymap.grid.StreetBlockPolygonizer.Blocks;
import org.partymap.grid.StreetBlockPolygonizer.StreetLine;
import org.partymap.street.StreetClass;

class GridPartitionerTest {

    private final StreetBlockPolygonizer polygonizer = new StreetBlockPolygonizer(new PrecisionModel(1000), Measure.PLANAR);
    private final GridPartitioner partitioner = new GridPartitioner();

    private Blocks blocks(String area, List<StreetLine> streets) {
        return polygonizer.polygonize(wkt(area), streets, EnumSet.allOf(StreetClass.class));
    }

    private static final String SQUARE = "POLYGON ((0 0, 400 0, 400 400, 0 400, 0 0))";

    /** Block indices of each grid, for comparing. */
    private static List<List<Integer>> members(List<Grid> grids) {
        return grids.stream().map(Grid::blocks).toList();
    }

    @Test
    void twoGridsOfFourEqualBlocksAreCutAlongTheMainStreetNotTheLane() {
        Blocks b = blocks(SQUARE, List.of(
                street(1, StreetClass.MAIN, "LINESTRING (0 200, 400 200)"),
                street(2, StreetClass.LANE, "LINESTRING (200 0, 200 400)")));
        List<Grid> grids = partitioner.partition(b, new double[] {100, 100, 100, 100}, List.of(), 2);
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), members(grids), "north half and south half");
        grids.forEach(g -> assertEquals(200, g.weight()));
    }

    @Test
    void withTheClassesSwappedTheCutRunsTheOtherWay() {
        Blocks b = blocks(SQUARE, List.of(
                street(1, StreetClass.LANE, "LINESTRING (0 200, 400 200)"),
                street(2, StreetClass.MAIN, "LINESTRING (200 0, 200 400)")));
        List<Grid> grids = partitioner.partition(b, new double[] {100, 100, 100, 100}, List.of(), 2);
        assertEquals(List.of(List.of(0, 2), List.of(1, 3)), members(grids), "west half and east half");
    }

    @Test
    void aMuchBetterBalanceWinsOverAStreetClass() {
        Blocks row = blocks("POLYGON ((0 0, 800 0, 800 200, 0 200, 0 0))", List.of(
                street(1, StreetClass.LANE, "LINESTRING (200 0, 200 200)"),
                street(2, StreetClass.MAIN, "LINESTRING (400 0, 400 200)"),
                street(3, StreetClass.LANE, "LINESTRING (600 0, 600 200)")));
        List<Grid> grids = partitioner.partition(row, new double[] {300, 100, 100, 100}, List.of(), 2);
        assertEquals(List.of(List.of(0), List.of(1, 2, 3)), members(grids));
    }

    @Test
    void aDedicatedBlockBecomesAGridOfItsOwn() {
        Blocks b = blocks("POLYGON ((0 0, 600 0, 600 400, 0 400, 0 0))", List.of(
                street(1, StreetClass.SECONDARY, "LINESTRING (200 0, 200 400)"),
                street(2, StreetClass.SECONDARY, "LINESTRING (400 0, 400 400)"),
                street(3, StreetClass.MAIN, "LINESTRING (0 200, 600 200)")));
        List<Grid> grids = partitioner.partition(b, new double[] {100, 100, 100, 100, 0, 100}, List.of(4), 3);
        assertEquals(3, grids.size());
        var dedicated = grids.stream().filter(Grid::dedicated).toList();
        assertEquals(1, dedicated.size());
        assertEquals(List.of(4), dedicated.get(0).blocks());
        grids.stream().filter(g -> !g.dedicated()).forEach(g -> assertEquals(250, g.weight(), 50));
    }

    @Test
    void aLatticeMakesExactlyTheGridsAskedForContiguousAndTilingTheArea() {
        var streets = new ArrayList<StreetLine>();
        for (int i = 1; i < 6; i++) {
            StreetClass c = i == 3 ? StreetClass.MAIN : i % 2 == 0 ? StreetClass.SECONDARY : StreetClass.LANE;
            streets.add(street(i, c, "LINESTRING (" + i * 100 + " 0, " + i * 100 + " 500)"));
        }
        for (int j = 1; j < 5; j++) {
            streets.add(street(10 + j, j == 2 ? StreetClass.MAIN : StreetClass.LANE, "LINESTRING (0 " + j * 100 + ", 600 " + j * 100 + ")"));
        }
        String area = "POLYGON ((0 0, 600 0, 600 500, 0 500, 0 0))";
        Blocks b = blocks(area, streets);
        assertEquals(30, b.size());
        double[] w = new double[30];
        for (int i = 0; i < 30; i++) {
            w[i] = 40 + (i * 37) % 90;
        }
        double total = java.util.Arrays.stream(w).sum();
        List<Grid> grids = partitioner.partition(b, w, List.of(), 6);
        assertEquals(6, grids.size());
        assertEquals(30, grids.stream().mapToInt(g -> g.blocks().size()).sum(), "every block in exactly one grid");
        Geometry[] polygons = grids.stream().map(Grid::polygon).toArray(Geometry[]::new);
        for (Geometry invalid : CoverageValidator.validate(polygons)) {
            assertNull(invalid);
        }
        for (Grid g : grids) {
            assertTrue(g.polygon() instanceof Polygon, "contiguous: one polygon");
            assertEquals(total / 6, g.weight(), total / 6 * 0.25, "balanced within a quarter");
        }
        assertEquals(0, org.locationtech.jts.coverage.CoverageUnion.union(polygons).symDifference(wkt(area)).getArea(), 1e-6);
    }

    @Test
    void theSameInputGivesTheSameGrids() {
        Blocks b = blocks(SQUARE, List.of(
                street(1, StreetClass.LANE, "LINESTRING (0 100, 400 100)"),
                street(2, StreetClass.LANE, "LINESTRING (0 300, 400 300)"),
                street(3, StreetClass.SECONDARY, "LINESTRING (200 0, 200 400)")));
        double[] w = {10, 20, 30, 40, 50, 60};
        assertEquals(members(partitioner.partition(b, w, List.of(), 3)), members(partitioner.partition(b, w, List.of(), 3)));
    }

    @Test
    void moreGridsThanBlocksIsRefused() {
        Blocks b = blocks(SQUARE, List.of(street(1, StreetClass.MAIN, "LINESTRING (0 200, 400 200)")));
        var e = assertThrows(IllegalArgumentException.class, () -> partitioner.partition(b, new double[] {1, 1}, List.of(), 3));
        assertTrue(e.getMessage().contains("cannot make 3 grids of 2 blocks"), e.getMessage());
    }

    @Test
    void dedicatedBlocksThatCutTheRestInPiecesNeedAGridForEachPiece() {
        Blocks row = blocks("POLYGON ((0 0, 600 0, 600 200, 0 200, 0 0))", List.of(
                street(1, StreetClass.LANE, "LINESTRING (200 0, 200 200)"),
                street(2, StreetClass.LANE, "LINESTRING (400 0, 400 200)")));
        assertThrows(IllegalArgumentException.class, () -> partitioner.partition(row, new double[] {1, 1, 1}, List.of(1), 2));
        assertEquals(3, partitioner.partition(row, new double[] {1, 1, 1}, List.of(1), 3).size());
    }

    @Test
    void negativeWeightsAreRefused() {
        Blocks b = blocks(SQUARE, List.of(street(1, StreetClass.MAIN, "LINESTRING (0 200, 400 200)")));
        assertThrows(IllegalArgumentException.class, () -> partitioner.partition(b, new double[] {1, -1}, List.of(), 1));
    }

    @Test
    void theGridCountKeepsEachGridWithinTheTarget() {
        assertEquals(5, GridPartitioner.countFor(2000, 300, 500));
        assertEquals(1, GridPartitioner.countFor(120, 300, 500));
        assertEquals(4, GridPartitioner.countFor(1450, 300, 500), "362.5 each lies nearer the middle of the range than 483");
        int k = GridPartitioner.countFor(3100, 300, 500);
        assertTrue(3100.0 / k >= 300 && 3100.0 / k <= 500);
        assertFalse(GridPartitioner.countFor(0, 300, 500) < 1);
    }
}
