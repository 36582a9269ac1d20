package org.partymap.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snapround.SnapRoundingNoder;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.partymap.grid.StreetBlockPolygonizer;
import org.partymap.street.StreetClass;

/**
 * The planned streets in lon/lat, noded: cut into segments between junctions (and dead ends) by
 * snap-rounding to 7 decimals, so that crossing streets share an end vertex exactly and every
 * later polygon drawn along them (blocks, grids, communities) shares those vertices too. Then
 * tidied: a minor street that closes off a sliver or a tiny block is taken out, short stubs
 * left by that are removed, and segments of one street that no longer meet another are joined.
 */
final class StreetNetwork {

    /** A stretch of one street between two junctions (or a junction and a dead end). */
    static final class Segment {
        int id;
        final PlannedLine line;
        final LineString geom;
        /** Metres along the street from its start to this segment's start and end. */
        final double from;
        final double to;
        boolean bridge;

        Segment(PlannedLine line, LineString geom, double from, double to) {
            this.line = line;
            this.geom = geom;
            this.from = from;
            this.to = to;
        }

        StreetClass streetClass() {
            return line.streetClass();
        }
    }

    private static final double TINY_BLOCK_M2 = 4000;
    private static final double THIN_BLOCK_M = 12;
    private static final double STUB_M = 60;

    final List<PlannedLine> lines;
    final List<Segment> segments;
    final Polygon district;

    private StreetNetwork(List<PlannedLine> lines, List<Segment> segments, Polygon district) {
        this.lines = lines;
        this.segments = segments;
        this.district = district;
    }

    static StreetNetwork build(StreetPlanner.Plan plan) {
        List<Segment> segments = node(plan.lines());
        Polygon district = district(segments);
        segments = tidy(segments, district);
        Geometry water = LocalPlane.toLonLat(plan.canal());
        for (Segment s : segments) {
            s.bridge = s.line.role != PlannedLine.Role.BANK && s.geom.intersects(water);
        }
        for (int i = 0; i < segments.size(); i++) {
            segments.get(i).id = i + 1;
        }
        return new StreetNetwork(plan.lines(), List.copyOf(segments), district);
    }

    /** The segments as input for the block polygoniser; ids are segment ids. */
    List<StreetBlockPolygonizer.StreetLine> streetLines() {
        return segments.stream().map(s -> new StreetBlockPolygonizer.StreetLine(s.id, s.streetClass(), s.geom)).toList();
    }

    private static List<Segment> node(List<PlannedLine> lines) {
        var input = new ArrayList<SegmentString>();
        for (PlannedLine l : lines) {
            input.add(new NodedSegmentString(LocalPlane.toLonLatExact(l.geom).getCoordinates(), l));
        }
        var noder = new SnapRoundingNoder(LocalPlane.PRECISION);
        noder.computeNodes(input);
        var out = new ArrayList<Segment>();
        Map<PlannedLine, double[]> along = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Object o : noder.getNodedSubstrings()) {
            SegmentString ss = (SegmentString) o;
            Coordinate[] c = distinct(ss.getCoordinates());
            if (c.length < 2) {
                continue;
            }
            PlannedLine line = (PlannedLine) ss.getData();
            LineString geom = LocalPlane.LON_LAT.createLineString(c);
            double length = LocalPlane.toMetres(geom).getLength();
            double[] d = along.computeIfAbsent(line, k -> new double[1]);
            out.add(new Segment(line, geom, d[0], d[0] + length));
            d[0] += length;
            String key = geom.norm().toText();
            if (!seen.add(key)) {
                throw new IllegalStateException("two streets overlap at " + geom + " (" + line.role + ")");
            }
        }
        return out;
    }

    private static Coordinate[] distinct(Coordinate[] c) {
        var out = new ArrayList<Coordinate>(c.length);
        for (Coordinate p : c) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals2D(p)) {
                out.add(new Coordinate(p.x, p.y));
            }
        }
        return out.toArray(new Coordinate[0]);
    }

    /** The area inside the ring roads. */
    private static Polygon district(List<Segment> segments) {
        var polygonizer = new Polygonizer(true);
        for (Segment s : segments) {
            if (s.line.role == PlannedLine.Role.FRAME) {
                polygonizer.add(s.geom);
            }
        }
        var polygons = polygonizer.getPolygons();
        if (polygons.size() != 1) {
            throw new IllegalStateException("the ring roads enclose " + polygons.size() + " areas, not one");
        }
        return (Polygon) ((Polygon) polygons.iterator().next()).norm();
    }

    private static List<Segment> tidy(List<Segment> segments, Polygon district) {
        var current = new ArrayList<>(segments);
        for (int round = 0; round < 12; round++) {
            boolean changed = removeSliverStreets(current, district);
            changed |= removeStubs(current);
            if (!changed) {
                break;
            }
        }
        return join(current);
    }

    /** Takes out, for each tiny or thin block, the longest minor street segment between it and a neighbour. */
    private static boolean removeSliverStreets(List<Segment> segments, Polygon district) {
        var lines = new ArrayList<StreetBlockPolygonizer.StreetLine>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            lines.add(new StreetBlockPolygonizer.StreetLine(i, s.streetClass(), s.geom));
        }
        var blocks = StreetBlockPolygonizer.lonLat().polygonize(district, lines, EnumSet.allOf(StreetClass.class));
        double[] perimeter = new double[blocks.size()];
        for (var e : blocks.edges()) {
            if (e.left() >= 0) {
                perimeter[e.left()] += e.lengthM();
            }
            if (e.right() >= 0 && e.right() != e.left()) {
                perimeter[e.right()] += e.lengthM();
            }
        }
        var remove = new boolean[segments.size()];
        boolean any = false;
        for (var b : blocks.blocks()) {
            double width = 2 * b.areaM2() / perimeter[b.index()];
            if (b.areaM2() >= TINY_BLOCK_M2 && width >= THIN_BLOCK_M) {
                continue;
            }
            StreetBlockPolygonizer.Edge longest = null;
            for (var e : blocks.edges()) {
                if (e.isInner() && (e.left() == b.index() || e.right() == b.index())
                        && e.streetClass().compareTo(StreetClass.MAIN) < 0
                        && (longest == null || e.lengthM() > longest.lengthM())) {
                    longest = e;
                }
            }
            if (longest != null && !remove[(int) longest.street()]) {
                remove[(int) longest.street()] = true;
                any = true;
            }
        }
        if (any) {
            int i = 0;
            var it = segments.iterator();
            while (it.hasNext()) {
                it.next();
                if (remove[i++]) {
                    it.remove();
                }
            }
        }
        return any;
    }

    /** Removes dead-end segments shorter than a stub (lanes are allowed to end blind if long enough). */
    private static boolean removeStubs(List<Segment> segments) {
        Map<Coordinate, Integer> degree = degrees(segments);
        boolean any = segments.removeIf(s -> {
            boolean deadEnd = degree.get(s.geom.getCoordinateN(0)) == 1
                    || degree.get(s.geom.getCoordinateN(s.geom.getNumPoints() - 1)) == 1;
            double limit = s.streetClass() == StreetClass.LANE ? STUB_M / 2 : STUB_M;
            return deadEnd && LocalPlane.toMetres(s.geom).getLength() < limit;
        });
        return any;
    }

    private static Map<Coordinate, Integer> degrees(List<Segment> segments) {
        Map<Coordinate, Integer> degree = new HashMap<>();
        for (Segment s : segments) {
            degree.merge(s.geom.getCoordinateN(0), 1, Integer::sum);
            degree.merge(s.geom.getCoordinateN(s.geom.getNumPoints() - 1), 1, Integer::sum);
        }
        return degree;
    }

    /** Joins consecutive segments of one street that meet where no other street does. */
    private static List<Segment> join(List<Segment> segments) {
        Map<Coordinate, Integer> degree = degrees(segments);
        var sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingInt((Segment s) -> s.line.id).thenComparingDouble(s -> s.from));
        var out = new ArrayList<Segment>();
        for (Segment s : sorted) {
            Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
            Coordinate start = s.geom.getCoordinateN(0);
            if (last != null && last.line == s.line && degree.get(start) == 2
                    && last.geom.getCoordinateN(last.geom.getNumPoints() - 1).equals2D(start)) {
                Coordinate[] a = last.geom.getCoordinates();
                Coordinate[] b = s.geom.getCoordinates();
                Coordinate[] c = new Coordinate[a.length + b.length - 1];
                System.arraycopy(a, 0, c, 0, a.length);
                System.arraycopy(b, 1, c, a.length, b.length - 1);
                out.set(out.size() - 1, new Segment(s.line, LocalPlane.LON_LAT.createLineString(c), last.from, s.to));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
