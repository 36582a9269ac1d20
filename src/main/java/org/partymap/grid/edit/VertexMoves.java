package org.partymap.grid.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Moves boundary vertices of a community's grids. A vertex is found in every grid that has it (to
 * within {@link Noding#TOLERANCE}), so a vertex shared by two grids moves in both and their common
 * boundary stays common: no gap, no overlap. A point on an edge rather than at a vertex first
 * becomes a vertex of every grid whose boundary runs through it (dragging the middle of a shared
 * edge). Where a vertex lands is snapped to streets and boundaries by the given snapper.
 */
final class VertexMoves {

    /** The rings of every grid, as mutable coordinate lists: polygon → rings → coordinates. */
    private final Map<Integer, List<List<List<Coordinate>>>> rings = new LinkedHashMap<>();
    private final Map<Integer, Boolean> moved = new LinkedHashMap<>();

    VertexMoves(CommunityState community) {
        for (GridState g : community.grids()) {
            var polygons = new ArrayList<List<List<Coordinate>>>();
            for (Polygon p : Shapes.parts(g.geom())) {
                var rs = new ArrayList<List<Coordinate>>();
                rs.add(copy(p.getExteriorRing()));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    rs.add(copy(p.getInteriorRingN(h)));
                }
                polygons.add(rs);
            }
            rings.put(g.id(), polygons);
        }
    }

    /**
     * Moves the vertex at {@code from} to where {@code snap} puts {@code to}.
     *
     * @param snap given the vertex being moved, the snapper that places its new position
     * @throws EditRefused when no grid has a vertex or an edge at {@code from}
     */
    void move(Coordinate from, Coordinate to, Function<Set<Coordinate>, Snapper> snap) {
        Coordinate at = vertexAt(from);
        if (at == null) {
            at = Snapper.round(from);
            if (!insertOnEdges(at)) {
                throw new EditRefused(Finding.at("no-vertex", String.format(Locale.ROOT,
                        "(%.7f, %.7f) 不是任何网格边界上的点 (no grid boundary passes through that point)", from.x, from.y),
                        null, Shapes.FACTORY.createPoint(from)));
            }
        }
        Coordinate target = snap.apply(Set.of(at)).snap(to);
        for (var grid : rings.entrySet()) {
            for (var polygon : grid.getValue()) {
                for (var ring : polygon) {
                    for (int i = 0; i < ring.size(); i++) {
                        if (ring.get(i).distance(at) <= Noding.TOLERANCE) {
                            ring.set(i, new Coordinate(target));
                            moved.put(grid.getKey(), true);
                        }
                    }
                }
            }
        }
    }

    /** The geometries of the grids that moved, by id. A ring left with too few vertices is refused. */
    Map<Integer, Geometry> result() {
        var out = new LinkedHashMap<Integer, Geometry>();
        for (Integer id : moved.keySet()) {
            var polygons = new ArrayList<Polygon>();
            for (var polygon : rings.get(id)) {
                LinearRing shell = ring(id, polygon.get(0));
                var holes = new ArrayList<LinearRing>();
                for (int h = 1; h < polygon.size(); h++) {
                    holes.add(ring(id, polygon.get(h)));
                }
                polygons.add(Shapes.FACTORY.createPolygon(shell, holes.toArray(new LinearRing[0])));
            }
            out.put(id, Shapes.FACTORY.createMultiPolygon(polygons.toArray(new Polygon[0])));
        }
        return out;
    }

    /** The stored vertex nearest {@code p} within the tolerance, or null. */
    private Coordinate vertexAt(Coordinate p) {
        Coordinate best = null;
        for (var polygons : rings.values()) {
            for (var polygon : polygons) {
                for (var ring : polygon) {
                    for (Coordinate c : ring) {
                        if (c.distance(p) <= Noding.TOLERANCE && (best == null || c.distance(p) < best.distance(p))) {
                            best = c;
                        }
                    }
                }
            }
        }
        return best == null ? null : new Coordinate(best);
    }

    /** Adds {@code p} as a vertex to every edge it lies on; whether there was one. */
    private boolean insertOnEdges(Coordinate p) {
        boolean any = false;
        for (var polygons : rings.values()) {
            for (var polygon : polygons) {
                for (var ring : polygon) {
                    for (int i = 0; i + 1 < ring.size(); i++) {
                        if (new LineSegment(ring.get(i), ring.get(i + 1)).distance(p) <= Noding.TOLERANCE) {
                            ring.add(i + 1, new Coordinate(p));
                            any = true;
                            break;
                        }
                    }
                }
            }
        }
        return any;
    }

    private static LinearRing ring(int id, List<Coordinate> coords) {
        var out = new ArrayList<Coordinate>();
        for (Coordinate c : coords) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals2D(c)) {
                out.add(c);
            }
        }
        if (out.size() < 4) {
            throw new EditRefused(Finding.at("invalid-geometry", "移动后网格 " + id + " 的一个环只剩 " + (out.size() - 1)
                    + " 个顶点 (a ring of the grid would be left with too few vertices)", id,
                    Shapes.FACTORY.createPoint(out.get(0))));
        }
        return Shapes.FACTORY.createLinearRing(out.toArray(new Coordinate[0]));
    }

    private static List<Coordinate> copy(LinearRing ring) {
        var out = new ArrayList<Coordinate>();
        for (Coordinate c : ring.getCoordinates()) {
            out.add(new Coordinate(c));
        }
        return out;
    }
}
