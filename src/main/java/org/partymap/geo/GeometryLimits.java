package org.partymap.geo;

import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The bounds any geometry must keep before partymap stores or computes with it: not empty, no
 * more vertices than allowed (a huge geometry is an error in the data, or an attack on the
 * server's time), finite lon/lat coordinates inside China. Validity (self-intersection and the
 * like) is a separate check, after these.
 */
public final class GeometryLimits {

    /** The most vertices one feature of an imported layer file may have. */
    public static final int MAX_IMPORT_VERTICES = 50_000;
    /** The most vertices a geometry sent in a JSON request body may have (an edited grid, a drawn line). */
    public static final int MAX_BODY_VERTICES = 10_000;

    private GeometryLimits() {
    }

    /** What is wrong with {@code g}, or empty when it keeps the bounds. */
    public static Optional<String> problem(Geometry g, int maxVertices) {
        if (g.isEmpty()) {
            return Optional.of("the geometry is empty");
        }
        if (g.getNumPoints() > maxVertices) {
            return Optional.of("the geometry has " + g.getNumPoints() + " vertices; at most " + maxVertices + " are accepted");
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return Optional.of("a coordinate is not a finite number");
            }
            if (!ChinaExtent.contains(c)) {
                return Optional.of(String.format(Locale.ROOT,
                        "the coordinate (%s, %s) lies outside China; coordinates must be lon, lat in degrees", c.x, c.y));
            }
        }
        return Optional.empty();
    }
}
