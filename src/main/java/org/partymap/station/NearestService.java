package org.partymap.station;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.partymap.route.Snap;
import org.partymap.route.StreetGraph;
import org.partymap.route.StreetNetwork;
import org.partymap.route.Walk;
import org.partymap.route.WalkSearch;
import org.partymap.station.NearestAnswer.LineString;
import org.partymap.station.NearestAnswer.Routing;
import org.partymap.station.NearestAnswer.Station;
import org.partymap.station.NearestAnswer.WalkInfo;

/**
 * The nearest stations by walking distance: the candidates nearest in a straight line (KNN),
 * then one search over the walking network from the origin to all of them, ordered by the walk.
 * When the walk to the last answer is longer than the straight line to the farthest candidate, a
 * station beyond the candidates might be nearer on foot; the candidates are then widened once.
 */
public final class NearestService {

    /** An easy walking pace: 4.5 km/h. */
    public static final double METRES_PER_MINUTE = 75;
    private static final int MAX_CANDIDATES = 60;
    private static final int MAX_WIDENED = 200;

    private final NearestRepository repository;
    private final StreetNetwork network;

    public NearestService(NearestRepository repository, StreetNetwork network) {
        this.repository = repository;
        this.network = network;
    }

    /** The straight-line answer, written by PostGIS. */
    public String straight(NearestQuery q) {
        return repository.straightJson(q);
    }

    public NearestAnswer walk(NearestQuery q) {
        StreetGraph graph = network.graph();
        Optional<Snap> origin = graph.snap(q.lon(), q.lat());
        int k = Math.min(MAX_CANDIDATES, Math.max(q.limit() + 5, q.limit() * 3));
        List<StationHit> candidates = repository.nearest(q, k);
        List<Station> ranked = route(graph, origin, candidates);
        boolean exact = isExact(ranked, candidates, k, q.limit());
        if (!exact && origin.isPresent() && candidates.size() == k && k < MAX_WIDENED) {
            k = MAX_WIDENED;
            candidates = repository.nearest(q, k);
            ranked = route(graph, origin, candidates);
            exact = isExact(ranked, candidates, k, q.limit());
        }
        List<Station> included = q.include().isEmpty() ? null
                : route(graph, origin, repository.byIds(q.lon(), q.lat(), q.include()));
        Routing routing = origin.isPresent()
                ? new Routing(true, null, null, graph.streetName(origin.get().edge()), Math.round(origin.get().distance()), exact)
                : unroutable(graph);
        return new NearestAnswer("walk", origin(q), routing,
                ranked.subList(0, Math.min(q.limit(), ranked.size())), included);
    }

    private static NearestAnswer.Origin origin(NearestQuery q) {
        return q.address().map(a -> new NearestAnswer.Origin(q.lon(), q.lat(), a.address(), a.level(), a.score()))
                .orElseGet(() -> new NearestAnswer.Origin(q.lon(), q.lat(), null, null, null));
    }

    private static Routing unroutable(StreetGraph graph) {
        if (graph.edgeCount() == 0) {
            return new Routing(false, "no_streets", "there are no streets to walk along", null, null, null);
        }
        return new Routing(false, "far_from_streets", String.format(Locale.ROOT,
                "the point is more than %.0f m from every street; distances are straight lines", StreetGraph.MAX_SNAP_METRES),
                null, null, null);
    }

    /** The candidates with their walks, nearest on foot first, then those without a walk by straight line. */
    private static List<Station> route(StreetGraph graph, Optional<Snap> origin, List<StationHit> hits) {
        Snap[] targets = new Snap[hits.size()];
        Walk[] walks = new Walk[hits.size()];
        if (origin.isPresent()) {
            double farthest = 0;
            for (int i = 0; i < hits.size(); i++) {
                StationHit h = hits.get(i);
                targets[i] = graph.snapStation(h.id(), h.lon(), h.lat()).orElse(null);
                farthest = Math.max(farthest, h.distance());
            }
            walks = WalkSearch.run(graph, origin.get(), targets, Math.max(3_000, 4 * farthest + 1_000));
        }
        var out = new ArrayList<Station>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            String noRoute = origin.isEmpty() ? "origin_far_from_streets"
                    : targets[i] == null ? "station_far_from_streets"
                    : walks[i] == null ? (graph.connected(origin.get(), targets[i]) ? "too_far" : "not_connected")
                    : null;
            out.add(station(hits.get(i), walks[i], noRoute));
        }
        out.sort(Comparator.comparing((Station s) -> s.walk() == null)
                .thenComparingLong(s -> s.walk() == null ? s.distance() : s.walk().distance())
                .thenComparingLong(Station::distance));
        return out;
    }

    /** Whether no station beyond the candidates can be nearer on foot than the last one answered. */
    private static boolean isExact(List<Station> ranked, List<StationHit> candidates, int asked, int limit) {
        if (candidates.size() < asked) {
            return true;
        }
        if (ranked.size() < limit || ranked.get(limit - 1).walk() == null) {
            return false;
        }
        double lastStraight = candidates.get(candidates.size() - 1).distance();
        return ranked.get(limit - 1).walk().distance() <= lastStraight;
    }

    private static Station station(StationHit h, Walk walk, String noRoute) {
        WalkInfo info = walk == null ? null : new WalkInfo(Math.round(walk.metres()),
                (int) Math.max(1, Math.round(walk.metres() / METRES_PER_MINUTE)), walk.via(), new LineString(rounded(walk.coordinates())));
        return new Station(h.id(), h.kind(), h.name(), h.address(), h.hours(), h.phone(), h.services(), h.gridId(),
                h.communityId(), h.lon(), h.lat(), Math.round(h.distance()), info, noRoute);
    }

    /** Six decimals: ten centimetres, enough to draw a route. */
    private static double[][] rounded(double[][] coordinates) {
        double[][] out = new double[coordinates.length][];
        for (int i = 0; i < coordinates.length; i++) {
            out[i] = new double[] {Math.round(coordinates[i][0] * 1e6) / 1e6, Math.round(coordinates[i][1] * 1e6) / 1e6};
        }
        return out;
    }
}
