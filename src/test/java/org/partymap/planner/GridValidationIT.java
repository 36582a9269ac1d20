package org.partymap.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partymap.planner.PlannerApi.ok;
import static org.partymap.planner.PlannerApi.refused;
import static org.partymap.planner.PlannerDistrict.X;
import static org.partymap.planner.PlannerDistrict.Y;
import static org.partymap.planner.PlannerDistrict.body;
import static org.partymap.planner.PlannerDistrict.positions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.db.Sql;

/**
 * Every way the server refuses an edit, whatever the client sent: 422 problem+json naming the
 * first error in its type, every error with its place as GeoJSON and the places as a
 * FeatureCollection for the page to draw; and nothing changed. One database for the class: no
 * test here changes it (each asserts so).
 */
class GridValidationIT {

    private static PlannerApi api;
    private static String state;

    @BeforeAll
    static void start() {
        api = new PlannerApi();
        state = fingerprint();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String fingerprint() {
        return Sql.text(api.db.dataSource(), """
                SELECT md5((SELECT string_agg(id || ':' || version || ':' || md5(ST_AsBinary(geom)), ',' ORDER BY id) FROM grid)
                        || (SELECT string_agg(id || ':' || grid_id, ',' ORDER BY id) FROM resident)
                        || (SELECT count(*) FROM grid_version))""").orElseThrow();
    }

    /** Saves, expects the refusal, checks its places are drawable and that nothing changed. */
    private static JsonNode refusedSave(Map<String, Object> edit, String type) {
        JsonNode p = refused(api.save(edit), type);
        assertTrue(p.path("detail").asText().length() > 5, p.toString());
        assertEquals("FeatureCollection", p.at("/places/type").asText());
        assertEquals(state, fingerprint(), "a refused save changes nothing");
        return p;
    }

    private static Map<String, Object> reshape(int grid, double snap, double[]... ring) {
        return body("kind", "reshape", "grid", grid, "reason", "测试", "snap", snap,
                "geometry", Map.of("type", "Polygon", "coordinates", List.of(positions(ring))));
    }

    private static double[] p(double x, double y) {
        return new double[] {x, y};
    }

    @Test
    void aSelfIntersectingBoundaryIsRefusedWithTheReasonAndThePlace() {
        JsonNode p = refusedSave(reshape(api.grid(0), 0, p(X[0], Y[0]), p(X[1], Y[2]), p(X[1], Y[0]), p(X[0], Y[2]), p(X[0], Y[0])),
                "invalid-geometry");
        assertTrue(p.path("detail").asText().contains("自相交"), p.toString());
        JsonNode place = p.at("/errors/0/place");
        assertEquals("Point", place.path("type").asText());
        assertEquals((X[0] + X[1]) / 2, place.at("/coordinates/0").asDouble(), 1e-7, "where the boundary crosses itself");
        assertEquals(1, p.at("/places/features").size());
    }

    @Test
    void aVertexDraggedAcrossTheGridsOwnBoundaryIsRefusedAsAnInvalidPolygon() {
        JsonNode p = refusedSave(body("kind", "redraw", "community", PlannerDistrict.community(api.db), "reason", "测试", "snap", 0,
                "moves", List.of(Map.of("from", List.of(X[0], Y[1]), "to", List.of(X[1] + 0.001, Y[1] + 0.0001)))), "invalid-geometry");
        assertEquals(api.grid(0), p.at("/errors/0/grid").asInt(), p.toString());
        assertTrue(p.path("detail").asText().matches(".*\\(120\\.\\d+, 33\\.\\d+\\).*"), "the location is in the detail: " + p);
    }

    @Test
    void aGridReachingOutOfItsCommunityIsRefusedWithThePartOutside() {
        JsonNode p = refusedSave(reshape(api.grid(0), 0, p(X[0] - 0.001, Y[0]), p(X[1], Y[0]), p(X[1], Y[1]), p(X[1], Y[2]),
                p(X[0] - 0.001, Y[2]), p(X[0] - 0.001, Y[0])), "outside-community");
        JsonNode place = p.at("/errors/0/place");
        assertTrue(place.path("type").asText().endsWith("Polygon"), p.toString());
        assertTrue(place.toString().contains("120.199,"), "the place is the land outside: " + place);
    }

    @Test
    void acceptedGridsThatOverlapAreRefusedWithTheOverlap() {
        var west = Map.of("type", "Polygon", "coordinates", List.of(positions(p(X[0], Y[0]), p(X[2], Y[0]), p(X[2], Y[2]), p(X[0], Y[2]),
                p(X[0], Y[0]))));
        var east = Map.of("type", "Polygon", "coordinates", List.of(positions(p(X[1], Y[0]), p(X[3], Y[0]), p(X[3], Y[2]), p(X[1], Y[2]),
                p(X[1], Y[0]))));
        JsonNode p = refusedSave(body("kind", "proposal", "community", PlannerDistrict.community(api.db), "reason", "测试",
                "grids", List.of(west, east)), "overlap");
        JsonNode place = p.at("/errors/0/place");
        assertTrue(place.path("type").asText().endsWith("Polygon"), p.toString());
        assertTrue(p.path("detail").asText().contains("重叠"));
    }

    @Test
    void aGapWithNothingInItIsReportedAsAWarningWithItsPlace() {
        JsonNode r = ok(api.preview(reshape(api.grid(0), 0, p(X[0] + 0.0003, Y[0]), p(X[1], Y[0]), p(X[1], Y[1]), p(X[1], Y[2]),
                p(X[0] + 0.0003, Y[2]), p(X[0] + 0.0003, Y[0]))));
        assertEquals("gap", r.at("/warnings/0/type").asText(), r.toString());
        assertTrue(r.at("/warnings/0/place/type").asText().endsWith("Polygon"));
        assertEquals(0, r.at("/moves/addresses/count").asInt());
        assertEquals(state, fingerprint());
    }

    @Test
    void aGapThatWouldLeaveAddressesAndResidentsInNoGridIsRefused() {
        JsonNode p = refusedSave(reshape(api.grid(0), 0, p(X[0] + 0.001, Y[0]), p(X[1], Y[0]), p(X[1], Y[1]), p(X[1], Y[2]),
                p(X[0] + 0.001, Y[2]), p(X[0] + 0.001, Y[0])), "orphaned");
        assertTrue(p.toString().contains("个门牌地址"), p.toString());
        assertTrue(p.toString().contains("名居民"));
        assertEquals("MultiPoint", p.at("/errors/0/place/type").asText(), "the addresses that would be lost");
        assertEquals(4, p.at("/errors/0/place/coordinates").size());
    }

    @Test
    void aThinSpikeIntoTheNeighbourIsRefusedAsASliver() {
        JsonNode p = refusedSave(reshape(api.grid(0), 0, p(X[0], Y[0]), p(X[1], Y[0]), p(X[1], Y[1] - 0.00001), p(X[1] + 0.0005, Y[1]),
                p(X[1], Y[1] + 0.00001), p(X[1], Y[2]), p(X[0], Y[2]), p(X[0], Y[0])), "sliver");
        assertTrue(p.path("detail").asText().contains("尖角") || p.path("detail").asText().contains("碎片"), p.toString());
        assertFalse(p.at("/places/features").isEmpty());
    }

    @Test
    void aPreviewIsValidatedLikeASave() {
        var edit = reshape(api.grid(0), 0, p(X[0] - 0.001, Y[0]), p(X[1], Y[0]), p(X[1], Y[2]), p(X[0] - 0.001, Y[2]), p(X[0] - 0.001, Y[0]));
        refused(api.preview(edit), "outside-community");
        assertEquals(state, fingerprint());
    }

    @Test
    void aSaveWithoutAReasonIsA400NamingTheReasonAndChangesNothing() {
        var edit = body("kind", "merge", "grid", api.grid(0), "other", api.grid(1));
        var r = api.save(edit);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("reason", org.partymap.testing.TestServer.json(r).path("field").asText());
        edit = body("kind", "merge", "grid", api.grid(0), "other", api.grid(1), "reason", "  ");
        assertEquals(400, api.save(edit).statusCode());
        assertEquals(state, fingerprint());
    }
}
