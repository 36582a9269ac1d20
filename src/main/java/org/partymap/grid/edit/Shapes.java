package org.partymap.grid.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.partymap.geo.Vertices;
import org.partymap.grid.Measure;

/**
 * Polygon overlay in lon/lat at the precision grids are stored with (7 decimals, about 1 cm):
 * every result is snap-rounded to that grid, so that two grids cut from each other share their
 * boundary vertices exactly. Results are always polygonal (lower-dimension left-overs dropped).
 */
final class Shapes {

    /** 7 decimals of a degree. */
    static final PrecisionModel PRECISION = new PrecisionModel(1e7);
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private Shapes() {
    }

    static Geometry union(Geometry a, Geometry b) {
        return polygonal(OverlayNG.overlay(a, b, OverlayNG.UNION, PRECISION));
    }

    static Geometry union(Collection<Geometry> parts) {
        if (parts.isEmpty()) {
            return empty();
        }
        return polygonal(UnaryUnionNG.union(FACTORY.buildGeometry(parts), PRECISION));
    }

    static Geometry difference(Geometry a, Geometry b) {
        return b.isEmpty() ? polygonal(a) : polygonal(OverlayNG.overlay(a, b, OverlayNG.DIFFERENCE, PRECISION));
    }

    static Geometry intersection(Geometry a, Geometry b) {
        return polygonal(OverlayNG.overlay(a, b, OverlayNG.INTERSECTION, PRECISION));
    }

    /** The polygons of {@code g} as one Polygon or MultiPolygon (empty when it has none). */
    static Geometry polygonal(Geometry g) {
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        polygons.removeIf(Geometry::isEmpty);
        if (polygons.isEmpty()) {
            return empty();
        }
        return polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    static MultiPolygon multi(Geometry g) {
        if (g instanceof MultiPolygon m) {
            return m;
        }
        Geometry p = polygonal(g);
        if (p instanceof MultiPolygon m) {
            return m;
        }
        return p.isEmpty() ? FACTORY.createMultiPolygon() : FACTORY.createMultiPolygon(new Polygon[] {(Polygon) p});
    }

    static Geometry empty() {
        return FACTORY.createPolygon();
    }

    static List<Polygon> parts(Geometry g) {
        var out = new ArrayList<Polygon>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** A copy with every coordinate rounded to the storage precision. */
    static <T extends Geometry> T rounded(T g) {
        return mapped(g, c -> new Coordinate(PRECISION.makePrecise(c.x), PRECISION.makePrecise(c.y)));
    }

    /** A copy of a geometry with every vertex put where {@code f} says (x and y only). */
    static <T extends Geometry> T mapped(T g, java.util.function.UnaryOperator<Coordinate> f) {
        @SuppressWarnings("unchecked")
        T copy = (T) g.copy();
        return Vertices.mapInPlace(copy, f);
    }

    /** How many metres of boundary two polygonal geometries share (0 when they only touch at points). */
    static double sharedMetres(Geometry a, Geometry b) {
        if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
            return 0;
        }
        Geometry shared = OverlayNG.overlay(a.getBoundary(), b.getBoundary(), OverlayNG.INTERSECTION, PRECISION);
        double metres = 0;
        for (int i = 0; i < shared.getNumGeometries(); i++) {
            if (shared.getGeometryN(i) instanceof LineString line) {
                metres += Measure.LON_LAT.length(line);
            }
        }
        return metres;
    }

    /** Whether two polygonal geometries are the same shape with the same vertices (ring order aside). */
    static boolean same(Geometry a, Geometry b) {
        return a.norm().equalsExact(b.norm());
    }
}
