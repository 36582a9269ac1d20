package org.partymap.grid.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Makes neighbouring grids share every vertex of their common boundary. Where a changed grid's
 * vertex lies on a neighbour's edge (a split line ending half-way along a street, a vertex snapped
 * onto a neighbour's boundary), the neighbour gets that vertex too, and the other way round: the
 * shared boundary is then the same line in both, vertex for vertex — what a polygonal coverage
 * needs to be valid ({@code CoverageValidator}) and what keeps a later shared-vertex drag from
 * opening a gap. The shape of a neighbour does not change (the vertex is already on its edge,
 * within a centimetre), but its stored geometry does, so it counts as touched by the edit.
 */
final class Noding {

    /** How far (degrees, about 1.5 cm) a vertex may lie from an edge to count as on it. */
    static final double TOLERANCE = 1.5e-7;

    private Noding() {
    }

    /**
     * @param changed   the grids an edit changed, by key, after the edit
     * @param unchanged the other grids of the community, by key
     * @return the grids whose geometry noding changed or that the edit changed, by key: every
     *         changed grid (perhaps with vertices added) and every unchanged one that gained a vertex
     */
    static Map<Integer, Geometry> node(Map<Integer, Geometry> changed, Map<Integer, Geometry> unchanged) {
        var all = new LinkedHashMap<Integer, Geometry>(unchanged);
        all.putAll(changed);
        var index = new STRtree();
        for (var e : all.entrySet()) {
            for (Coordinate c : e.getValue().getCoordinates()) {
                index.insert(new Envelope(c), new Vertex(e.getKey(), c));
            }
        }
        var out = new LinkedHashMap<Integer, Geometry>();
        for (var e : all.entrySet()) {
            boolean isChanged = changed.containsKey(e.getKey());
            Set<Integer> sources = isChanged ? all.keySet() : changed.keySet();
            Geometry noded = insert(e.getValue(), e.getKey(), sources, index);
            if (isChanged || noded != e.getValue()) {
                out.put(e.getKey(), noded);
            }
        }
        return out;
    }

    private record Vertex(int grid, Coordinate c) {
    }

    /** The geometry with the vertices of the source grids that lie on its edges; the same object when there are none. */
    private static Geometry insert(Geometry g, int self, Set<Integer> sources, STRtree index) {
        var polygons = new ArrayList<Polygon>();
        boolean any = false;
        for (Polygon p : Shapes.parts(g)) {
            LinearRing shell = ring(p.getExteriorRing(), self, sources, index);
            var holes = new LinearRing[p.getNumInteriorRing()];
            boolean changed = shell != p.getExteriorRing();
            for (int h = 0; h < holes.length; h++) {
                holes[h] = ring(p.getInteriorRingN(h), self, sources, index);
                changed |= holes[h] != p.getInteriorRingN(h);
            }
            any |= changed;
            polygons.add(changed ? Shapes.FACTORY.createPolygon(shell, holes) : p);
        }
        if (!any) {
            return g;
        }
        return Shapes.multi(Shapes.FACTORY.createMultiPolygon(polygons.toArray(new Polygon[0])));
    }

    private static LinearRing ring(LinearRing ring, int self, Set<Integer> sources, STRtree index) {
        Coordinate[] c = ring.getCoordinates();
        var out = new CoordinateList();
        boolean added = false;
        for (int i = 0; i + 1 < c.length; i++) {
            out.add(c[i], false);
            var seg = new LineSegment(c[i], c[i + 1]);
            var env = new Envelope(c[i], c[i + 1]);
            env.expandBy(TOLERANCE);
            List<double[]> onEdge = new ArrayList<>();
            for (Object o : index.query(env)) {
                Vertex v = (Vertex) o;
                if (v.grid() == self || !sources.contains(v.grid())
                        || v.c().distance(c[i]) <= TOLERANCE || v.c().distance(c[i + 1]) <= TOLERANCE
                        || seg.distance(v.c()) > TOLERANCE) {
                    continue;
                }
                onEdge.add(new double[] {seg.projectionFactor(v.c()), v.c().x, v.c().y});
            }
            if (!onEdge.isEmpty()) {
                onEdge.sort((a, b) -> Double.compare(a[0], b[0]));
                for (double[] v : onEdge) {
                    out.add(new Coordinate(v[1], v[2]), false);
                }
                added = true;
            }
        }
        out.add(c[c.length - 1], false);
        return added ? Shapes.FACTORY.createLinearRing(out.toCoordinateArray()) : ring;
    }
}
