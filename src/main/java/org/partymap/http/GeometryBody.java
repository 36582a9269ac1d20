package org.partymap.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.partymap.geo.GeometryLimits;

/**
 * Reads a GeoJSON geometry sent inside a JSON request body (a redrawn grid, a split line, a
 * pinned point): the vertex count is checked on the JSON before JTS builds anything, then the
 * type, the coordinates ({@link GeometryLimits}) and OGC validity. Broken GeoJSON is a 400; a
 * readable but unacceptable geometry is a 422 whose {@code places} member holds the offending
 * location as a GeoJSON point, for the map to draw.
 */
public final class GeometryBody {

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Set<String> TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");

    private GeometryBody() {
    }

    /**
     * @param field        the body member it came from, named in errors
     * @param allowedTypes GeoJSON types this endpoint takes, such as {@code Set.of("Polygon", "MultiPolygon")}
     * @param maxVertices  usually {@link GeometryLimits#MAX_BODY_VERTICES}
     */
    public static Geometry read(String field, JsonNode geojson, Set<String> allowedTypes, int maxVertices) {
        if (!geojson.isObject() || !geojson.path("type").isTextual() || !TYPES.contains(geojson.path("type").asText())) {
            throw bad(field, field + " must be a GeoJSON geometry object with a type of " + String.join(", ", TYPES.stream().sorted().toList()));
        }
        String type = geojson.path("type").asText();
        if (!allowedTypes.contains(type)) {
            throw bad(field, field + " is a " + type + "; this takes " + String.join(" or ", allowedTypes.stream().sorted().toList()));
        }
        int vertices = countPositions(field, geojson.path("coordinates"), 0);
        if (vertices > maxVertices) {
            throw bad(field, field + " has " + vertices + " vertices; at most " + maxVertices + " are accepted");
        }
        Geometry g;
        try {
            g = new GeoJsonReader(FACTORY).read(geojson.toString());
        } catch (ParseException | RuntimeException e) {
            throw bad(field, field + " is not valid GeoJSON: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        g.setSRID(4326);
        GeometryLimits.problem(g, maxVertices).ifPresent(problem -> {
            throw ApiException.unprocessable("geometry-out-of-bounds", field + ": " + problem).with("field", field);
        });
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            throw ApiException.unprocessable("invalid-geometry", String.format(Locale.ROOT, "%s is not a valid geometry: %s at (%.7f, %.7f)",
                            field, error.getMessage(), at.x, at.y))
                    .with("field", field)
                    .with("places", Map.of("type", "Point", "coordinates", new double[] {at.x, at.y}));
        }
        return g;
    }

    /** Counts [x, y] positions in a coordinates tree, refusing anything that is not one. */
    private static int countPositions(String field, JsonNode node, int depth) {
        if (depth > 4 || !node.isArray()) {
            throw bad(field, field + " has malformed coordinates");
        }
        if (node.size() > 0 && node.get(0).isNumber()) {
            if (node.size() < 2 || node.size() > 3) {
                throw bad(field, field + " has a position with " + node.size() + " numbers; positions are [lon, lat]");
            }
            for (JsonNode n : node) {
                if (!n.isNumber()) {
                    throw bad(field, field + " has a position that is not all numbers");
                }
            }
            return 1;
        }
        int total = 0;
        for (JsonNode child : node) {
            total += countPositions(field, child, depth + 1);
        }
        return total;
    }

    private static ApiException bad(String field, String detail) {
        return ApiException.badRequest("bad-geometry", detail).with("field", field);
    }
}
