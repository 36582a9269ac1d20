package org.partymap.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.partymap.geo.GeometryLimits;

/**
 * Checks a feature's geometry against its layer and puts it in the stored shape: the right type,
 * a bounded number of vertices, finite coordinates inside China, and OGC validity (the reason and
 * the place when not).
 */
final class GeometryCheck {

    /** The most vertices one feature may have; more is an error in the data, or an attack. */
    static final int MAX_VERTICES = GeometryLimits.MAX_IMPORT_VERTICES;

    private GeometryCheck() {
    }

    /** The geometries to store (streets may split into several), or empty after recording a problem. */
    static List<Geometry> check(Layer.Shape shape, Geometry g, Props props) {
        Optional<String> outOfBounds = GeometryLimits.problem(g, MAX_VERTICES);
        if (outOfBounds.isPresent()) {
            props.problem(outOfBounds.get());
            return List.of();
        }
        Optional<Geometry> shaped = shape(shape, g);
        if (shaped.isEmpty()) {
            props.problem("the geometry is a " + g.getGeometryType() + "; this layer takes " + shape.description);
            return List.of();
        }
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            props.problem(String.format(Locale.ROOT, "the geometry is not valid: %s at (%.7f, %.7f)", error.getMessage(), at.x, at.y));
            return List.of();
        }
        if (shape == Layer.Shape.LINE) {
            var parts = new ArrayList<Geometry>();
            for (int i = 0; i < shaped.get().getNumGeometries(); i++) {
                parts.add(shaped.get().getGeometryN(i));
            }
            return parts;
        }
        return List.of(shaped.get());
    }

    private static Optional<Geometry> shape(Layer.Shape shape, Geometry g) {
        return switch (shape) {
            case AREA -> g instanceof Polygon p ? Optional.of(LayerFileReader.FACTORY.createMultiPolygon(new Polygon[] {p}))
                    : g instanceof MultiPolygon ? Optional.of(g) : Optional.empty();
            case POLYGON -> g instanceof Polygon ? Optional.of(g)
                    : g instanceof MultiPolygon && g.getNumGeometries() == 1 ? Optional.of(g.getGeometryN(0)) : Optional.empty();
            case LINE -> g instanceof LineString || g instanceof MultiLineString ? Optional.of(g) : Optional.empty();
            case POINT -> g instanceof Point ? Optional.of(g)
                    : g instanceof MultiPoint && g.getNumGeometries() == 1 ? Optional.of(g.getGeometryN(0)) : Optional.empty();
        };
    }
}
