package org.partymap.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.bench.PgRoutingBaseline;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/** The in-memory walking network against PostGIS and pgRouting, and its rebuild when streets change. */
class WalkingNetworkIT {

    private static Database db;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void groundDistancesAgreeWithThePostgisSpheroidToATenthOfAPerMille() {
        var rows = Sql.list(db.dataSource(), "SELECT ST_X(ST_StartPoint(geom)), ST_Y(ST_StartPoint(geom)), ST_X(ST_EndPoint(geom)), "
                + "ST_Y(ST_EndPoint(geom)), ST_Length(geom::geography) FROM street", rs -> new double[] {
                    rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)});
        assertEquals(8, rows.size());
        for (double[] r : rows) {
            assertEquals(r[4], GroundDistance.metres(r[0], r[1], r[2], r[3]), r[4] * 1e-4);
        }
    }

    @Test
    void walksAreTheShortestPathsPgRoutingFindsOnTheSameGraph() throws Exception {
        StreetGraph g = StreetNetwork.load(db.dataSource(), 0);
        assertEquals(27, g.nodeCount(), "the sample's eight crossing streets, noded");
        List<Snap> stations = Sql.list(db.dataSource(), "SELECT id, ST_X(geom), ST_Y(geom) FROM station ORDER BY id",
                rs -> g.snapStation(rs.getInt(1), rs.getDouble(2), rs.getDouble(3)).orElseThrow());
        double[][] origins = {{120.147, 33.385}, {120.157, 33.398}, {120.141, 33.399}, {120.1505, 33.3905}, {120.159, 33.381}};
        int compared = 0;
        try (PgRoutingBaseline pgr = PgRoutingBaseline.create(db.dataSource(), g); Connection c = db.dataSource().getConnection()) {
            for (double[] o : origins) {
                Snap origin = g.snap(o[0], o[1]).orElseThrow();
                Walk[] walks = WalkSearch.run(g, origin, stations.toArray(Snap[]::new), 1e6);
                var expected = new double[stations.size()];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = walks[i].metres() - origin.distance() - stations.get(i).distance();
                }
                double[] theirs = pgr.solve(c, new PgRoutingBaseline.Problem(origin, stations, expected), 0);
                for (int i = 0; i < theirs.length; i++) {
                    assertEquals(theirs[i], expected[i], 0.01, "origin " + o[0] + "," + o[1] + " to station " + (i + 1));
                    compared++;
                }
            }
        }
        assertEquals(20, compared);
    }

    @Test
    void aNewStreetIsWalkedAlongWithoutARestart() throws Exception {
        try (Database own = TestDatabase.fresh()) {
            Fixtures.loadSample(own);
            try (TestServer server = TestServer.start(own)) {
                String path = "/api/nearest?lon=120.152&lat=33.3925&kind=service_centre&limit=1";
                long before = TestServer.json(server.get(path)).at("/stations/0/walk/distance_m").asLong();
                // a lane straight from the place to 健康路社区党群服务中心 (120.1553, 33.3852)
                Sql.update(own.dataSource(), "INSERT INTO street (name, class, geom) VALUES ('捷径巷', 'lane', "
                        + "ST_GeomFromText('LINESTRING(120.152 33.3925, 120.1553 33.3853)', 4326))");
                long deadline = System.nanoTime() + 20_000_000_000L;
                long after = before;
                JsonNode answer = null;
                while (after >= before && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    answer = TestServer.json(server.get(path));
                    after = answer.at("/stations/0/walk/distance_m").asLong();
                }
                assertTrue(after < before, "the walk got shorter: " + before + " → " + after);
                var via = new ArrayList<String>();
                answer.at("/stations/0/walk/via").forEach(n -> via.add(n.asText()));
                assertTrue(via.contains("捷径巷"), via.toString());
            }
        }
    }
}
