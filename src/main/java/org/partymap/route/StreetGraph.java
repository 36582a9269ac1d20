package org.partymap.route;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The street network as an undirected graph in flat arrays: nodes where streets meet or end,
 * edges along the streets between them, each with its vertices, its length in metres and the
 * street it belongs to. Immutable once built ({@link StreetGraphBuilder}); searches keep their
 * state outside it, so any number of threads may use one graph.
 */
public final class StreetGraph {

    /** A point farther than this from every street gets no walking route. */
    public static final double MAX_SNAP_METRES = 500;

    final double[] nodeLon;
    final double[] nodeLat;
    final int[] edgeFrom;
    final int[] edgeTo;
    final int[] edgeStreet;
    /** The vertices of edge e are {@code vx/vy/vCum[vertexStart[e] .. vertexStart[e+1])}. */
    final int[] vertexStart;
    final double[] vx;
    final double[] vy;
    /** Metres from the first vertex of its edge to each vertex. */
    final double[] vCum;
    /** The edges at node n are {@code adjEdge[adjStart[n] .. adjStart[n+1])}. */
    final int[] adjStart;
    final int[] adjEdge;
    final int[] component;
    final String[] streetNames;
    private final long version;
    /** Segments (by their first vertex) in coordinates scaled by {@link #xScale} so that both axes are near metres. */
    private final STRtree segments;
    private final double xScale;
    private final ConcurrentHashMap<Integer, Snap> stationSnaps = new ConcurrentHashMap<>();

    StreetGraph(double[] nodeLon, double[] nodeLat, int[] edgeFrom, int[] edgeTo, int[] edgeStreet,
                int[] vertexStart, double[] vx, double[] vy, double[] vCum, String[] streetNames, long version) {
        this.nodeLon = nodeLon;
        this.nodeLat = nodeLat;
        this.edgeFrom = edgeFrom;
        this.edgeTo = edgeTo;
        this.edgeStreet = edgeStreet;
        this.vertexStart = vertexStart;
        this.vx = vx;
        this.vy = vy;
        this.vCum = vCum;
        this.streetNames = streetNames;
        this.version = version;
        int n = nodeLon.length;
        int m = edgeFrom.length;
        adjStart = new int[n + 1];
        for (int e = 0; e < m; e++) {
            adjStart[edgeFrom[e] + 1]++;
            adjStart[edgeTo[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            adjStart[i + 1] += adjStart[i];
        }
        adjEdge = new int[2 * m];
        int[] fill = adjStart.clone();
        for (int e = 0; e < m; e++) {
            adjEdge[fill[edgeFrom[e]]++] = e;
            adjEdge[fill[edgeTo[e]]++] = e;
        }
        component = components(n, edgeFrom, edgeTo);
        double meanLat = 0;
        for (double lat : nodeLat) {
            meanLat += lat / Math.max(1, n);
        }
        xScale = Math.cos(Math.toRadians(meanLat));
        segments = new STRtree();
        for (int e = 0; e < m; e++) {
            for (int i = vertexStart[e]; i < vertexStart[e + 1] - 1; i++) {
                segments.insert(new Envelope(vx[i] * xScale, vx[i + 1] * xScale, vy[i], vy[i + 1]), i);
            }
        }
        segments.build();
    }

    public int nodeCount() {
        return nodeLon.length;
    }

    public int edgeCount() {
        return edgeFrom.length;
    }

    /** The {@code layer_version} of the streets this graph was built from. */
    public long version() {
        return version;
    }

    public double edgeLength(int e) {
        return vCum[vertexStart[e + 1] - 1];
    }

    public int edgeFrom(int e) {
        return edgeFrom[e];
    }

    public int edgeTo(int e) {
        return edgeTo[e];
    }

    public String streetName(int e) {
        return streetNames[edgeStreet[e]];
    }

    /** The vertices of an edge as [lon, lat] pairs, first to last. */
    public double[][] edgeCoordinates(int e) {
        int from = vertexStart[e];
        int to = vertexStart[e + 1];
        double[][] out = new double[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = new double[] {vx[i], vy[i]};
        }
        return out;
    }

    /** The point placed on its nearest street, or empty when every street is farther than {@link #MAX_SNAP_METRES}. */
    public Optional<Snap> snap(double lon, double lat) {
        if (edgeFrom.length == 0) {
            return Optional.empty();
        }
        double qx = lon * xScale;
        // the nearest few in the scaled plane; the exact ground distance picks among them
        Object[] near = segments.nearestNeighbour(new Envelope(qx, qx, lat, lat), new double[] {qx, lat}, (ItemDistance) this::segmentDistance, 4);
        Snap best = null;
        for (Object item : near) {
            Snap s = snapToSegment((Integer) item, lon, lat);
            if (best == null || s.distance() < best.distance()) {
                best = s;
            }
        }
        return best == null || best.distance() > MAX_SNAP_METRES ? Optional.empty() : Optional.of(best);
    }

    /** {@link #snap} for a station, remembered by its id while it stays where it was. */
    public Optional<Snap> snapStation(int id, double lon, double lat) {
        Snap known = stationSnaps.get(id);
        if (known != null && known.fromLon() == lon && known.fromLat() == lat) {
            return known.distance() > MAX_SNAP_METRES ? Optional.empty() : Optional.of(known);
        }
        Optional<Snap> s = snap(lon, lat);
        stationSnaps.put(id, s.orElse(new Snap(-1, 0, lon, lat, Double.POSITIVE_INFINITY, lon, lat)));
        return s;
    }

    /** Whether two snapped points lie on streets that are connected at all. */
    public boolean connected(Snap a, Snap b) {
        return component[edgeFrom[a.edge()]] == component[edgeFrom[b.edge()]];
    }

    private Snap snapToSegment(int i, double lon, double lat) {
        double mx = GroundDistance.metresPerDegreeLon(lat);
        double my = GroundDistance.metresPerDegreeLat(lat);
        double ax = (vx[i] - lon) * mx;
        double ay = (vy[i] - lat) * my;
        double bx = (vx[i + 1] - lon) * mx;
        double by = (vy[i + 1] - lat) * my;
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        double px = ax + t * dx;
        double py = ay + t * dy;
        int e = edgeOfVertex(i);
        double offset = vCum[i] + t * (vCum[i + 1] - vCum[i]);
        return new Snap(e, offset, vx[i] + t * (vx[i + 1] - vx[i]), vy[i] + t * (vy[i + 1] - vy[i]),
                Math.sqrt(px * px + py * py), lon, lat);
    }

    /** The edge a vertex index belongs to (binary search in {@link #vertexStart}). */
    int edgeOfVertex(int i) {
        int lo = 0;
        int hi = edgeFrom.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (vertexStart[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Between the query point and a segment, in the scaled plane of the index. */
    private double segmentDistance(ItemBoundable a, ItemBoundable b) {
        double[] q = (double[]) (a.getItem() instanceof double[] ? a.getItem() : b.getItem());
        int i = (Integer) (a.getItem() instanceof Integer ? a.getItem() : b.getItem());
        return pointSegment(q[0], q[1], vx[i] * xScale, vy[i], vx[i + 1] * xScale, vy[i + 1]);
    }

    private static double pointSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double ex = ax + t * dx - px;
        double ey = ay + t * dy - py;
        return Math.sqrt(ex * ex + ey * ey);
    }

    private static int[] components(int n, int[] from, int[] to) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < from.length; e++) {
            int a = find(parent, from[e]);
            int b = find(parent, to[e]);
            if (a != b) {
                parent[a] = b;
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = find(parent, i);
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
