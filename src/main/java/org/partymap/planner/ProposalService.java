package org.partymap.planner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.partymap.db.Sql;
import org.partymap.grid.GridPartitioner;
import org.partymap.grid.StreetBlockPolygonizer;
import org.partymap.grid.edit.CommunityState;
import org.partymap.grid.edit.EditRepository;
import org.partymap.grid.edit.GeoJson;
import org.partymap.grid.edit.GridState;
import org.partymap.grid.edit.StreetBlocks;
import org.partymap.http.ApiException;
import org.partymap.street.StreetClass;

/**
 * Street blocks and generated proposals for a community. A proposal: the community cut into the
 * blocks of the chosen street classes ({@link StreetBlockPolygonizer}); each block weighed by the
 * households of its addresses; a block that lies in a current 专属网格 dedicated grid stays a grid
 * of its own (where the rest stays in one piece); the rest grouped into as many grids as the
 * target households per grid asks for ({@link GridPartitioner}), cutting along higher classes
 * first. Nothing is saved: the planner accepts a proposal, or some of its grids, as an edit.
 */
final class ProposalService {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final DataSource ds;
    private final StreetBlocks cache;
    private final StreetBlockPolygonizer polygonizer = StreetBlockPolygonizer.lonLat();
    private final GridPartitioner partitioner = new GridPartitioner();

    ProposalService(DataSource ds, StreetBlocks cache) {
        this.ds = ds;
        this.cache = cache;
    }

    /** What a proposal or the block view is computed from. */
    private record Inputs(CommunityState community, List<StreetBlockPolygonizer.StreetLine> streets, List<double[]> addresses) {
    }

    private Inputs inputs(int community) {
        try (Connection c = ds.getConnection()) {
            CommunityState state = EditRepository.load(c, community, false)
                    .orElseThrow(() -> ApiException.notFound("community-not-found", "there is no community " + community));
            return new Inputs(state, EditRepository.streets(c, community), EditRepository.addresses(c, community));
        } catch (SQLException e) {
            throw new Sql.DataAccessException(e);
        }
    }

    /** The community's street blocks (every class), each with its households and the grid it lies in. */
    ObjectNode blocks(int community) {
        Inputs in = inputs(community);
        var blocks = cache.of(in.community(), in.streets());
        double[] households = weigh(blocks, in.addresses());
        ArrayNode features = GeoJson.JSON.createArrayNode();
        for (var b : blocks.blocks()) {
            ObjectNode p = GeoJson.JSON.createObjectNode();
            p.put("index", b.index());
            p.put("households", (long) households[b.index()]);
            p.put("area_m2", Math.round(b.areaM2()));
            p.putArray("point").add(b.interiorPoint().x).add(b.interiorPoint().y);
            GridState g = gridAt(in.community(), b.interiorPoint());
            if (g == null) {
                p.putNull("grid");
            } else {
                p.put("grid", g.id());
            }
            features.add(GeoJson.feature(b.index(), b.polygon(), p));
        }
        return GeoJson.collection(features);
    }

    /** A proposal for the community with these street classes as possible boundaries and this target. */
    ObjectNode propose(int community, Set<StreetClass> classes, Target target, boolean keepDedicated) {
        long started = System.nanoTime();
        Inputs in = inputs(community);
        var blocks = polygonizer.polygonize(in.community().geom(), in.streets(), classes);
        double[] weights = weigh(blocks, in.addresses());
        List<Integer> dedicated = keepDedicated ? partitioner.feasibleDedicated(blocks, weights, dedicatedBlocks(in.community(), blocks))
                : List.of();
        double rest = 0;
        for (int b = 0; b < weights.length; b++) {
            rest += dedicated.contains(b) ? 0 : weights[b];
        }
        int count = Math.min(blocks.size(), dedicated.size() + GridPartitioner.countFor(Math.max(rest, 1), target.min(), target.max()));
        List<GridPartitioner.Grid> grids = null;
        for (int k = count; grids == null && k <= blocks.size(); k++) {
            try {
                grids = partitioner.partition(blocks, weights, dedicated, k);
            } catch (IllegalArgumentException e) {
                // the blocks fall apart into more pieces than grids (a river, a park): one more grid
            }
        }
        if (grids == null) {
            throw ApiException.unprocessable("no-proposal", "这些街道等级不能把" + in.community().name()
                    + "分成网格 (the chosen street classes cannot divide the community into grids)");
        }
        ObjectNode out = GeoJson.JSON.createObjectNode();
        ObjectNode c = out.putObject("community");
        c.put("id", in.community().id());
        c.put("code", in.community().code());
        c.put("name", in.community().name());
        ArrayNode cls = out.putArray("classes");
        classes.stream().sorted().forEach(s -> cls.add(s.code()));
        out.putObject("target").put("min", target.min()).put("max", target.max());
        out.set("proposal", proposal(in, grids, target));
        out.put("blocks", blocks.size());
        out.put("households", (long) java.util.Arrays.stream(weights).sum());
        out.put("current_grids", in.community().grids().size());
        out.put("elapsed_ms", Math.round((System.nanoTime() - started) / 1e6));
        return out;
    }

    private static ObjectNode proposal(Inputs in, List<GridPartitioner.Grid> grids, Target target) {
        ArrayNode features = GeoJson.JSON.createArrayNode();
        int i = 0;
        for (GridPartitioner.Grid g : grids) {
            ObjectNode p = GeoJson.JSON.createObjectNode();
            p.put("index", ++i);
            long households = Math.round(g.weight());
            p.put("households", households);
            p.put("blocks", g.blocks().size());
            p.put("dedicated", g.dedicated());
            p.put("workload", Math.round(households / target.middle() * 1000) / 1000.0);
            p.put("status", households < target.min() ? "under" : households > target.max() ? "over" : "within");
            GridState most = mostHouseholdsFrom(in, g.polygon());
            if (most != null) {
                p.putObject("mostly_from").put("id", most.id()).put("code", most.code()).put("name", most.attributes().name());
            }
            features.add(GeoJson.feature(i, g.polygon(), p));
        }
        return GeoJson.collection(features);
    }

    /** Households per block: each address counts in the block that covers its point. */
    private static double[] weigh(StreetBlockPolygonizer.Blocks blocks, List<double[]> addresses) {
        var index = new STRtree();
        var prepared = new ArrayList<PreparedGeometry>();
        for (var b : blocks.blocks()) {
            prepared.add(PreparedGeometryFactory.prepare(b.polygon()));
            index.insert(b.polygon().getEnvelopeInternal(), b.index());
        }
        double[] w = new double[blocks.size()];
        for (double[] a : addresses) {
            var point = FACTORY.createPoint(new Coordinate(a[0], a[1]));
            for (Object o : index.query(new Envelope(a[0], a[0], a[1], a[1]))) {
                int b = (Integer) o;
                if (prepared.get(b).covers(point)) {
                    w[b] += a[2];
                    break;
                }
            }
        }
        return w;
    }

    /** Blocks most of which lie in a current dedicated grid. */
    private static List<Integer> dedicatedBlocks(CommunityState community, StreetBlockPolygonizer.Blocks blocks) {
        var out = new ArrayList<Integer>();
        for (GridState g : community.grids()) {
            if (!"dedicated".equals(g.attributes().kind())) {
                continue;
            }
            for (var b : blocks.blocks()) {
                if (g.geom().getEnvelopeInternal().intersects(b.polygon().getEnvelopeInternal())
                        && g.geom().intersection(b.polygon()).getArea() > b.polygon().getArea() / 2) {
                    out.add(b.index());
                }
            }
        }
        return out;
    }

    private static GridState gridAt(CommunityState community, Coordinate c) {
        var point = FACTORY.createPoint(c);
        for (GridState g : community.grids()) {
            if (g.geom().covers(point)) {
                return g;
            }
        }
        return null;
    }

    /** The current grid whose households a proposed grid takes most of. */
    private static GridState mostHouseholdsFrom(Inputs in, Geometry proposed) {
        var inside = PreparedGeometryFactory.prepare(proposed);
        GridState best = null;
        double most = 0;
        for (GridState g : in.community().grids()) {
            if (!g.geom().getEnvelopeInternal().intersects(proposed.getEnvelopeInternal())) {
                continue;
            }
            var grid = PreparedGeometryFactory.prepare(g.geom());
            double h = 0;
            for (double[] a : in.addresses()) {
                var p = FACTORY.createPoint(new Coordinate(a[0], a[1]));
                if (inside.covers(p) && grid.covers(p)) {
                    h += a[2];
                }
            }
            if (h > most) {
                most = h;
                best = g;
            }
        }
        return best;
    }
}
