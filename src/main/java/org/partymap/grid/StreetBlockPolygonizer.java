package org.partymap.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snapround.SnapRoundingNoder;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.partymap.street.StreetClass;

/**
 * Cuts an area (a community, a subdistrict) into its street blocks (街区): the faces of the street
 * centre lines of the chosen classes, noded together with the area's boundary and polygonised.
 * The blocks tile the area with no gap and no overlap, and every edge between two blocks runs
 * along a street, so that grids made of blocks have boundaries along streets.
 *
 * <p>Noding is snap-rounding to a fixed precision model: give the precision the geometries are
 * stored with (1e7 for lon/lat rounded to 7 decimals, {@link #lonLat()}). When the area's
 * boundary is itself made of those street lines, as the demo's are, no vertex moves and the blocks
 * of neighbouring areas share their vertices exactly.
 */
public final class StreetBlockPolygonizer {

    /** A street centre line; {@code id} is the caller's (such as {@code street.id}). */
    public record StreetLine(long id, StreetClass streetClass, LineString line) {
    }

    /**
     * One block: its polygon (normalised: shell clockwise, so that its inside lies right of every
     * ring), a point inside it and its area in square metres.
     */
    public record Block(int index, Polygon polygon, Coordinate interiorPoint, double areaM2) {
    }

    /**
     * A piece of the noded network that bounds a block: the blocks on its left and right (by the
     * direction of {@code line}; -1 outside the area), the street it lies on ({@code street} = -1
     * and {@code streetClass} = null where it is the area's boundary and no street) and its length
     * in metres. Where a street runs along the area's boundary, the street is named.
     */
    public record Edge(LineString line, long street, StreetClass streetClass, int left, int right, double lengthM) {

        /** Whether the edge lies between two blocks of the area. */
        public boolean isInner() {
            return left >= 0 && right >= 0 && left != right;
        }
    }

    /** The blocks of an area and the edges that bound them. */
    public record Blocks(Geometry area, List<Block> blocks, List<Edge> edges) {

        public Block block(int index) {
            return blocks.get(index);
        }

        public int size() {
            return blocks.size();
        }
    }

    private static final Object BOUNDARY = new Object();

    private final PrecisionModel precision;
    private final Measure measure;

    public StreetBlockPolygonizer(PrecisionModel precision, Measure measure) {
        if (precision.isFloating()) {
            throw new IllegalArgumentException("a fixed precision model is needed for robust noding");
        }
        this.precision = precision;
        this.measure = measure;
    }

    /** For WGS-84 lon/lat stored with 7 decimals (about 1 cm). */
    public static StreetBlockPolygonizer lonLat() {
        return new StreetBlockPolygonizer(new PrecisionModel(1e7), Measure.LON_LAT);
    }

    /**
     * @param area    the polygon or multipolygon to cut
     * @param streets street lines; those of other classes are ignored, and so are their parts outside the area
     * @param classes the classes that may bound a block
     */
    public Blocks polygonize(Geometry area, Collection<StreetLine> streets, Set<StreetClass> classes) {
        if (!(area instanceof Polygonal) || area.isEmpty()) {
            throw new IllegalArgumentException("the area must be a non-empty polygon or multipolygon");
        }
        GeometryFactory gf = area.getFactory();
        List<NodedEdge> edges = node(area, streets, classes);
        var polygonizer = new Polygonizer();
        for (NodedEdge e : edges) {
            polygonizer.add(gf.createLineString(e.coords));
        }
        var locator = new IndexedPointInAreaLocator(area);
        var faces = new ArrayList<Polygon>();
        for (Object o : polygonizer.getPolygons()) {
            Polygon p = (Polygon) o;
            Coordinate inside = p.getInteriorPoint().getCoordinate();
            if (locator.locate(inside) == Location.INTERIOR) {
                Polygon n = (Polygon) p.norm();
                faces.add(n);
            }
        }
        faces.sort(Comparator.comparing((Polygon p) -> p.getInteriorPoint().getCoordinate(), StreetBlockPolygonizer::readingOrder));
        var blocks = new ArrayList<Block>(faces.size());
        Map<Segment, Integer> rightOf = new HashMap<>();
        for (int i = 0; i < faces.size(); i++) {
            Polygon p = faces.get(i);
            blocks.add(new Block(i, p, p.getInteriorPoint().getCoordinate(), measure.area(p)));
            index(p.getExteriorRing(), i, rightOf);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                index(p.getInteriorRingN(h), i, rightOf);
            }
        }
        var out = new ArrayList<Edge>();
        for (NodedEdge e : edges) {
            Integer right = rightOf.get(new Segment(e.coords[0], e.coords[1]));
            Integer left = rightOf.get(new Segment(e.coords[1], e.coords[0]));
            if (right == null && left == null) {
                continue;
            }
            LineString line = gf.createLineString(e.coords);
            out.add(new Edge(line, e.street == null ? -1 : e.street.id(), e.street == null ? null : e.street.streetClass(),
                    left == null ? -1 : left, right == null ? -1 : right, measure.length(line)));
        }
        return new Blocks(area, List.copyOf(blocks), List.copyOf(out));
    }

    /** North to south, then west to east: the order in which people read a map. */
    static int readingOrder(Coordinate a, Coordinate b) {
        int c = Double.compare(b.y, a.y);
        return c != 0 ? c : Double.compare(a.x, b.x);
    }

    /** A noded piece of line, with the street it came from (null for boundary only). */
    private record NodedEdge(Coordinate[] coords, StreetLine street) {
    }

    /** Nodes the area's rings with the streets and merges pieces that coincide. */
    private List<NodedEdge> node(Geometry area, Collection<StreetLine> streets, Set<StreetClass> classes) {
        var input = new ArrayList<SegmentString>();
        for (int i = 0; i < area.getNumGeometries(); i++) {
            Polygon p = (Polygon) area.getGeometryN(i);
            input.add(new NodedSegmentString(p.getExteriorRing().getCoordinates(), BOUNDARY));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                input.add(new NodedSegmentString(p.getInteriorRingN(h).getCoordinates(), BOUNDARY));
            }
        }
        var envelope = area.getEnvelopeInternal();
        for (StreetLine s : streets) {
            if (classes.contains(s.streetClass()) && envelope.intersects(s.line().getEnvelopeInternal())) {
                input.add(new NodedSegmentString(s.line().getCoordinates(), s));
            }
        }
        var noder = new SnapRoundingNoder(precision);
        noder.computeNodes(input);
        Map<String, NodedEdge> unique = new LinkedHashMap<>();
        for (Object o : noder.getNodedSubstrings()) {
            SegmentString ss = (SegmentString) o;
            Coordinate[] c = distinct(ss.getCoordinates());
            if (c.length < 2) {
                continue;
            }
            StreetLine street = ss.getData() instanceof StreetLine s ? s : null;
            String key = key(c);
            NodedEdge seen = unique.get(key);
            if (seen == null) {
                unique.put(key, new NodedEdge(c, street));
            } else if (street != null && (seen.street == null
                    || street.streetClass().compareTo(seen.street.streetClass()) > 0)) {
                unique.put(key, new NodedEdge(seen.coords, street));
            }
        }
        return List.copyOf(unique.values());
    }

    private static Coordinate[] distinct(Coordinate[] c) {
        var out = new ArrayList<Coordinate>(c.length);
        for (Coordinate p : c) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals2D(p)) {
                out.add(p);
            }
        }
        return out.toArray(new Coordinate[0]);
    }

    /** The same key for a piece and its reverse. */
    private static String key(Coordinate[] c) {
        boolean forward = c[0].compareTo(c[c.length - 1]) < 0
                || c[0].equals2D(c[c.length - 1]) && c.length > 2 && c[1].compareTo(c[c.length - 2]) <= 0;
        var sb = new StringBuilder(c.length * 24);
        for (int i = 0; i < c.length; i++) {
            Coordinate p = forward ? c[i] : c[c.length - 1 - i];
            sb.append(p.x).append(' ').append(p.y).append(';');
        }
        return sb.toString();
    }

    private static void index(LinearRing ring, int block, Map<Segment, Integer> rightOf) {
        Coordinate[] c = ring.getCoordinates();
        for (int i = 1; i < c.length; i++) {
            rightOf.put(new Segment(c[i - 1], c[i]), block);
        }
    }

    /** A directed segment, compared by its coordinates. */
    private record Segment(double x0, double y0, double x1, double y1) {
        Segment(Coordinate a, Coordinate b) {
            this(a.x, a.y, b.x, b.y);
        }
    }
}
