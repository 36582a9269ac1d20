package org.partymap.grid.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Snaps edited vertices to what a boundary should follow: the vertices and then the lines of
 * street centre lines, of the neighbouring grids' boundaries and of the community's boundary,
 * whichever is nearest within a tolerance in metres. A vertex (a street crossing, a corner of a
 * neighbour) wins over a point on a line when it is within the tolerance too, so that boundaries
 * meet where streets meet. The server snaps whatever the browser did; the browser snaps too, so
 * that what the planner sees is what will be saved.
 */
final class Snapper {

    /** The default and the largest snapping tolerance, in metres. */
    static final double DEFAULT_METRES = 5;
    static final double MAX_METRES = 25;

    private final LocalMetres plane;
    private final double tolerance;
    private final STRtree segments = new STRtree();
    private final STRtree vertices = new STRtree();

    /**
     * @param fixed    lines that stay where they are (lon/lat): streets, the community's boundary
     * @param moving   boundaries that move with the vertices being moved: the grids'
     * @param metres   the tolerance; 0 snaps nothing
     * @param excluded vertices being moved (lon/lat): on the moving boundaries, neither they nor
     *                 the segments that end at them are targets (they go where the vertex goes)
     */
    Snapper(Collection<? extends Geometry> fixed, Collection<? extends Geometry> moving, double metres, Set<Coordinate> excluded,
            LocalMetres plane) {
        this.plane = plane;
        this.tolerance = metres;
        if (metres <= 0) {
            return;
        }
        fixed.forEach(g -> index(g, Set.of()));
        moving.forEach(g -> index(g, excluded));
    }

    private void index(Geometry g, Set<Coordinate> excluded) {
        for (LineString line : linesOf(g)) {
            Coordinate[] c = line.getCoordinates();
            for (int i = 0; i < c.length; i++) {
                if (!excluded.contains(c[i])) {
                    Coordinate m = plane.metres(c[i]);
                    vertices.insert(new Envelope(m), new Coordinate[] {c[i], m});
                }
                if (i > 0 && !excluded.contains(c[i - 1]) && !excluded.contains(c[i])) {
                    var seg = new LineSegment(plane.metres(c[i - 1]), plane.metres(c[i]));
                    segments.insert(new Envelope(seg.p0, seg.p1), seg);
                }
            }
        }
    }

    /** The snapped position of a lon/lat point, rounded to 7 decimals; the point itself when nothing is near. */
    Coordinate snap(Coordinate lonLat) {
        if (tolerance <= 0) {
            return round(lonLat);
        }
        Coordinate p = plane.metres(lonLat);
        var near = new Envelope(p);
        near.expandBy(tolerance);
        Coordinate best = null;
        double bestDistance = tolerance;
        for (Object o : vertices.query(near)) {
            Coordinate[] v = (Coordinate[]) o;
            double d = v[1].distance(p);
            if (d <= bestDistance) {
                bestDistance = d;
                best = v[0];
            }
        }
        if (best != null) {
            return new Coordinate(best.x, best.y);
        }
        Coordinate onLine = null;
        bestDistance = tolerance;
        for (Object o : segments.query(near)) {
            LineSegment seg = (LineSegment) o;
            Coordinate q = seg.closestPoint(p);
            double d = q.distance(p);
            if (d <= bestDistance) {
                bestDistance = d;
                onLine = q;
            }
        }
        return onLine == null ? round(lonLat) : round(plane.lonLat(onLine));
    }

    /** A copy of a geometry with every vertex snapped (for a drawn line or a boundary drawn anew). */
    <T extends Geometry> T snapAll(T g) {
        return Shapes.mapped(g, this::snap);
    }

    static Coordinate round(Coordinate c) {
        return new Coordinate(Shapes.PRECISION.makePrecise(c.x), Shapes.PRECISION.makePrecise(c.y));
    }

    /** The lines of a geometry: a line as it is, the rings of a polygon. */
    static List<LineString> linesOf(Geometry g) {
        var out = new ArrayList<LineString>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof LineString line) {
                out.add(line);
            } else if (part instanceof Polygon p) {
                out.add(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    out.add(p.getInteriorRingN(h));
                }
            }
        }
        return out;
    }
}
