package org.partymap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.partymap.geo.GeometryLimits;

class GeometryBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> AREAS = Set.of("Polygon", "MultiPolygon");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static ApiException refused(String geojson, int maxVertices) throws Exception {
        JsonNode node = json(geojson);
        return assertThrows(ApiException.class, () -> GeometryBody.read("geometry", node, AREAS, maxVertices));
    }

    @Test
    void aValidPolygonIsReadInLonLat() throws Exception {
        Geometry g = GeometryBody.read("geometry", json("""
                {"type": "Polygon", "coordinates": [[[120.14, 33.38], [120.15, 33.38], [120.15, 33.39], [120.14, 33.38]]]}"""),
                AREAS, GeometryLimits.MAX_BODY_VERTICES);
        assertEquals(4326, g.getSRID());
        assertEquals(120.14, g.getCoordinates()[0].x);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\": \"Polygon\"}",
            "{\"type\": \"Polygon\", \"coordinates\": \"120,33\"}",
            "{\"type\": \"Polygon\", \"coordinates\": [[[120.14, \"33.38\"]]]}",
            "{\"type\": \"Polygon\", \"coordinates\": [[[120.14]]]}",
            "{\"type\": \"Polygon\", \"coordinates\": [[[[[[120.14, 33.38]]]]]]}",
            "{\"type\": \"Polygon\", \"coordinates\": [[[120.14, 33.38], [120.15, 33.38]]]}",
            "{\"type\": \"Circle\", \"coordinates\": [120.14, 33.38]}",
            "{\"type\": \"Point\", \"coordinates\": [120.14, 33.38]}",
            "[1, 2]"})
    void brokenOrWrongGeoJsonIsA400(String geojson) throws Exception {
        ApiException e = refused(geojson, 100);
        assertEquals(400, e.status(), e.getMessage());
        assertEquals("geometry", e.toProblem().extensions().get("field"));
    }

    @Test
    void tooManyVerticesAreRefusedBeforeJtsBuildsAnything() throws Exception {
        var ring = new StringBuilder("[");
        for (int i = 0; i <= 100; i++) {
            ring.append(i == 0 ? "" : ",").append("[120.1").append(i).append(", 33.3]");
        }
        ApiException e = refused("{\"type\": \"Polygon\", \"coordinates\": [" + ring + "]]}", 100);
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("101 vertices; at most 100"), e.getMessage());
    }

    @Test
    void infiniteOrOutOfChinaCoordinatesAreRefused() throws Exception {
        ApiException inf = refused("{\"type\": \"Polygon\", \"coordinates\": [[[1e999, 33.38], [120.15, 33.38], [120.15, 33.39], [1e999, 33.38]]]}", 100);
        assertEquals(400, inf.status(), "JSON has no infinity: 1e999 is no coordinate");
        ApiException swapped = refused("{\"type\": \"Polygon\", \"coordinates\": [[[33.38, 120.14], [33.38, 120.15], [33.39, 120.15], [33.38, 120.14]]]}", 100);
        assertEquals(422, swapped.status());
        assertTrue(swapped.getMessage().contains("outside China"), swapped.getMessage());
    }

    @Test
    void aSelfIntersectingPolygonIsA422WithThePlaceToDraw() throws Exception {
        ApiException e = refused("""
                {"type": "Polygon", "coordinates": [[[120.14, 33.38], [120.15, 33.39], [120.15, 33.38], [120.14, 33.39], [120.14, 33.38]]]}""", 100);
        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("Self-intersection"), e.getMessage());
        String places = JSON.writeValueAsString(e.toProblem().extensions().get("places"));
        assertTrue(places.contains("\"type\":\"Point\"") && places.contains("120.145"), places);
    }
}
