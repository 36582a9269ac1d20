package org.partymap.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.partymap.db.Sql;
import org.partymap.route.GroundDistance;
import org.partymap.route.Snap;
import org.partymap.route.StreetGraph;

/**
 * The same shortest paths computed by pgRouting, for comparison: the in-memory graph's edges are
 * copied into {@code partymap_bench.edges} (the same nodes, the same lengths as costs), and each
 * path is asked of {@code pgr_withPoints}, which starts and ends mid-edge exactly as the snapped
 * origin and stations do, with the route's geometry joined from the edges. The schema is dropped
 * again by {@link #close()}.
 */
public final class PgRoutingBaseline implements AutoCloseable {

    public static final String SCHEMA = "partymap_bench";

    /** pgRouting reads its edges through SQL text; the box and the points are formatted into it by PostgreSQL. */
    private static final String PATHS = """
            WITH r AS (
                SELECT * FROM pgr_withPoints(
                    format('SELECT id, source, target, cost, cost AS reverse_cost FROM partymap_bench.edges %s',
                           CASE WHEN ?::boolean THEN format('WHERE geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)',
                                                            ?::float8, ?::float8, ?::float8, ?::float8) ELSE '' END),
                    format('SELECT pid, edge_id, fraction FROM unnest(%L::bigint[], %L::bigint[], %L::float8[]) AS p(pid, edge_id, fraction)',
                           ?::bigint[], ?::bigint[], ?::float8[]),
                    -1, ?::bigint[], directed := false, details := false))
            SELECT r.end_pid, max(r.agg_cost) AS metres, ST_AsGeoJSON(ST_LineMerge(ST_Collect(e.geom ORDER BY r.path_seq)), 6) AS route
              FROM r LEFT JOIN partymap_bench.edges e ON e.id = r.edge
             GROUP BY r.end_pid
             ORDER BY r.end_pid""";

    /** One routing problem: an origin and the stations it walks to, snapped onto the graph. */
    public record Problem(Snap origin, List<Snap> targets, double[] expectedMetres) {
    }

    private final DataSource ds;
    private final StreetGraph graph;

    private PgRoutingBaseline(DataSource ds, StreetGraph graph) {
        this.ds = ds;
        this.graph = graph;
    }

    /** Copies the graph's edges into the database. */
    public static PgRoutingBaseline create(DataSource ds, StreetGraph g) {
        // the product needs PostGIS alone: pgRouting is enabled here, for the comparison, when it is installed
        try (var c = ds.getConnection()) {
            if (org.partymap.db.ExtensionCheck.enable(c, "pgrouting").isEmpty()) {
                throw new org.partymap.StartupException("the benchmark compares against pgRouting, which this database server lacks: "
                        + "install it (Debian/Ubuntu: apt-get install postgresql-NN-pgrouting) and run the benchmark again");
            }
        } catch (java.sql.SQLException e) {
            throw new Sql.DataAccessException(e);
        }
        Sql.transaction(ds, c -> {
            Sql.update(c, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            Sql.update(c, "CREATE SCHEMA " + SCHEMA);
            Sql.update(c, "CREATE TABLE " + SCHEMA + ".edges (id bigint PRIMARY KEY, source bigint NOT NULL, "
                    + "target bigint NOT NULL, cost float8 NOT NULL, geom geometry(LineString, 4326) NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SCHEMA + ".edges VALUES (?, ?, ?, ?, ST_GeomFromText(?, 4326))")) {
                for (int e = 0; e < g.edgeCount(); e++) {
                    Sql.bind(ps, e + 1L, g.edgeFrom(e) + 1L, g.edgeTo(e) + 1L, g.edgeLength(e), wkt(g.edgeCoordinates(e)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Sql.update(c, "CREATE INDEX ON " + SCHEMA + ".edges USING gist (geom)");
            Sql.update(c, "ANALYZE " + SCHEMA + ".edges");
            return null;
        });
        return new PgRoutingBaseline(ds, g);
    }

    /**
     * The network metres of each target's path (origin and stations on their streets), as
     * pgRouting finds them; NaN where it finds none.
     *
     * @param boxMetres edges within this margin of the problem's box; 0 for the whole network
     */
    public double[] solve(Connection c, Problem p, double boxMetres) throws SQLException {
        int n = p.targets().size();
        Long[] pids = new Long[n + 1];
        Long[] edges = new Long[n + 1];
        Double[] fractions = new Double[n + 1];
        Long[] ends = new Long[n];
        double minX = p.origin().lon();
        double maxX = minX;
        double minY = p.origin().lat();
        double maxY = minY;
        pids[0] = 1L;
        edges[0] = p.origin().edge() + 1L;
        fractions[0] = fraction(p.origin());
        for (int i = 0; i < n; i++) {
            Snap t = p.targets().get(i);
            pids[i + 1] = i + 2L;
            edges[i + 1] = t.edge() + 1L;
            fractions[i + 1] = fraction(t);
            ends[i] = -(i + 2L);
            minX = Math.min(minX, t.lon());
            maxX = Math.max(maxX, t.lon());
            minY = Math.min(minY, t.lat());
            maxY = Math.max(maxY, t.lat());
        }
        double dx = boxMetres / GroundDistance.metresPerDegreeLon(minY);
        double dy = boxMetres / GroundDistance.metresPerDegreeLat(minY);
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        try (PreparedStatement ps = c.prepareStatement(PATHS)) {
            Sql.bind(ps, boxMetres > 0, minX - dx, minY - dy, maxX + dx, maxY + dy,
                    c.createArrayOf("bigint", pids), c.createArrayOf("bigint", edges), c.createArrayOf("float8", fractions),
                    c.createArrayOf("bigint", ends));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = (int) (-rs.getLong(1) - 2);
                    out[i] = rs.getDouble(2);
                }
            }
        }
        return out;
    }

    private double fraction(Snap s) {
        double len = graph.edgeLength(s.edge());
        return len == 0 ? 0 : Math.max(0, Math.min(1, s.offset() / len));
    }

    private static String wkt(double[][] coords) {
        var sb = new StringBuilder("LINESTRING(");
        for (int i = 0; i < coords.length; i++) {
            sb.append(i == 0 ? "" : ",").append(coords[i][0]).append(' ').append(coords[i][1]);
        }
        return sb.append(')').toString();
    }

    @Override
    public void close() {
        Sql.update(ds, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
}
