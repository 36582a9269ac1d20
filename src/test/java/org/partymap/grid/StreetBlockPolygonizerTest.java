package org.partymap.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.partymap.grid.StreetBlockPolygonizer.Blocks;
import org.partymap.grid.StreetBlockPolygonizer.StreetLine;
import org.partymap.street.StreetClass;

class StreetBlockPolygonizerTest {

    private static final WKTReader WKT = new WKTReader();
    private static final Set<StreetClass> ALL = EnumSet.allOf(StreetClass.class);
    private final StreetBlockPolygonizer polygonizer = new StreetBlockPolygonizer(new PrecisionModel(1000), Measure.PLANAR);

    static Geometry wkt(String text) {
        try {
            return WKT.read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static StreetLine street(long id, StreetClass c, String wkt) {
        return new StreetLine(id, c, (LineString) wkt(wkt));
    }

    static final Geometry SQUARE = wkt("POLYGON ((0 0, 400 0, 400 400, 0 400, 0 0))");
    static final List<StreetLine> CROSS = List.of(
            street(1, StreetClass.MAIN, "LINESTRING (200 -50, 200 450)"),
            street(2, StreetClass.LANE, "LINESTRING (0 200, 400 200)"));

    static void assertTiles(Geometry area, Blocks blocks) {
        Geometry[] polys = blocks.blocks().stream().map(b -> (Geometry) b.polygon()).toArray(Geometry[]::new);
        for (Geometry invalid : CoverageValidator.validate(polys)) {
            assertNull(invalid, "blocks overlap or misalign");
        }
        Geometry union = org.locationtech.jts.coverage.CoverageUnion.union(polys);
        assertEquals(0, union.symDifference(area).getArea(), 1e-6, "blocks cover the area exactly");
    }

    @Test
    void aCrossOfStreetsCutsASquareIntoFourBlocksThatTileIt() {
        Blocks blocks = polygonizer.polygonize(SQUARE, CROSS, ALL);
        assertEquals(4, blocks.size());
        blocks.blocks().forEach(b -> assertEquals(40_000, b.areaM2(), 1e-6));
        assertTiles(SQUARE, blocks);
    }

    @Test
    void blocksComeInReadingOrderNorthWestFirst() {
        Blocks blocks = polygonizer.polygonize(SQUARE, CROSS, ALL);
        assertTrue(blocks.block(0).interiorPoint().y > 200 && blocks.block(0).interiorPoint().x < 200);
        assertTrue(blocks.block(3).interiorPoint().y < 200 && blocks.block(3).interiorPoint().x > 200);
    }

    @Test
    void onlyTheChosenClassesBoundBlocks() {
        Blocks blocks = polygonizer.polygonize(SQUARE, CROSS, EnumSet.of(StreetClass.MAIN, StreetClass.AXIS));
        assertEquals(2, blocks.size());
        assertTiles(SQUARE, blocks);
    }

    @Test
    void innerEdgesNameTheStreetAndTheBlocksOnEitherSide() {
        Blocks blocks = polygonizer.polygonize(SQUARE, CROSS, ALL);
        var inner = blocks.edges().stream().filter(StreetBlockPolygonizer.Edge::isInner).toList();
        assertEquals(4, inner.size(), "each street is cut in two by the other");
        assertEquals(2, inner.stream().filter(e -> e.streetClass() == StreetClass.MAIN && e.street() == 1).count());
        for (var e : inner) {
            assertEquals(200, e.lengthM(), 1e-9);
            var left = blocks.block(e.left()).polygon();
            var right = blocks.block(e.right()).polygon();
            assertTrue(left.intersection(right).getLength() > 199, "the two blocks share the edge");
        }
        var onBoundary = blocks.edges().stream().filter(e -> !e.isInner()).toList();
        assertTrue(onBoundary.stream().allMatch(e -> e.streetClass() == null && e.street() == -1));
        assertEquals(1600, onBoundary.stream().mapToDouble(StreetBlockPolygonizer.Edge::lengthM).sum(), 1e-9);
    }

    @Test
    void theLeftAndRightBlocksFollowTheDirectionOfTheEdge() {
        Blocks blocks = polygonizer.polygonize(SQUARE, List.of(street(7, StreetClass.SECONDARY, "LINESTRING (0 100, 400 100)")), ALL);
        var e = blocks.edges().stream().filter(StreetBlockPolygonizer.Edge::isInner).findFirst().orElseThrow();
        boolean eastward = e.line().getCoordinateN(0).x < e.line().getCoordinateN(1).x;
        double leftY = blocks.block(e.left()).interiorPoint().y;
        assertEquals(eastward, leftY > 100, "going east, the block on the left lies north");
    }

    @Test
    void aStreetAlongTheBoundaryIsKeptOnceAndNamed() {
        var streets = List.of(street(3, StreetClass.AXIS, "LINESTRING (-100 0, 500 0)"),
                street(1, StreetClass.MAIN, "LINESTRING (200 -50, 200 450)"));
        Blocks blocks = polygonizer.polygonize(SQUARE, streets, ALL);
        assertEquals(2, blocks.size());
        var south = blocks.edges().stream().filter(e -> e.street() == 3).toList();
        assertEquals(2, south.size(), "the axis along the south side, cut where the main street meets it");
        assertTrue(south.stream().allMatch(e -> !e.isInner() && e.streetClass() == StreetClass.AXIS));
        assertTiles(SQUARE, blocks);
    }

    @Test
    void aDeadEndLaneMakesNoBlock() {
        var streets = List.of(street(1, StreetClass.MAIN, "LINESTRING (200 0, 200 400)"),
                street(2, StreetClass.LANE, "LINESTRING (200 300, 320 300)"));
        Blocks blocks = polygonizer.polygonize(SQUARE, streets, ALL);
        assertEquals(2, blocks.size());
        assertTrue(blocks.edges().stream().noneMatch(e -> e.street() == 2));
        assertTiles(SQUARE, blocks);
    }

    @Test
    void anAreaWithAHoleIsTiledAroundIt() {
        Geometry ring = wkt("POLYGON ((0 0, 400 0, 400 400, 0 400, 0 0), (250 250, 350 250, 350 350, 250 350, 250 250))");
        Blocks blocks = polygonizer.polygonize(ring, CROSS, ALL);
        assertEquals(4, blocks.size());
        assertTiles(ring, blocks);
    }

    @Test
    void streetsThatDoNotMeetExactlyAreNodedWithinThePrecision() {
        var streets = List.of(street(1, StreetClass.MAIN, "LINESTRING (200.0004 0, 200.0004 400)"),
                street(2, StreetClass.SECONDARY, "LINESTRING (0 200, 200.0001 200)"));
        Blocks blocks = polygonizer.polygonize(SQUARE, streets, ALL);
        assertEquals(3, blocks.size(), "the secondary street meets the main one although it stops 0.3 mm short");
        assertTiles(SQUARE, blocks);
    }

    @Test
    void aLineIsNoArea() {
        assertThrows(IllegalArgumentException.class, () -> polygonizer.polygonize(wkt("LINESTRING (0 0, 1 1)"), CROSS, ALL));
    }
}
