package org.partymap.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partymap.planner.PlannerDistrict.X;
import static org.partymap.planner.PlannerDistrict.Y;
import static org.partymap.planner.PlannerDistrict.body;
import static org.partymap.planner.PlannerDistrict.positions;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * Every kind of edit over HTTP on the planner test community, each followed by the no-loss
 * invariant. Each test gets the community afresh (a fresh database is a copy of a template, fast).
 */
class GridEditIT {

    private Database db;
    private TestServer server;
    private TestServer.Session planner;

    @BeforeEach
    void start() {
        db = TestDatabase.fresh();
        PlannerDistrict.load(db);
        TestAccounts.create(db, "planner", Role.PLANNER, PlannerDistrict.SUBDISTRICT);
        TestAccounts.create(db, "worker", Role.GRID_WORKER, PlannerDistrict.GRIDS[1]);
        server = TestServer.start(db);
        planner = server.login("planner");
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    private HttpResponse<String> save(Map<String, Object> edit) {
        return server.call("POST", "/api/planner/edits").as(planner).header("If-Match", PlannerDistrict.ifMatch(db)).json(edit).send();
    }

    private HttpResponse<String> preview(Map<String, Object> edit) {
        return server.call("POST", "/api/planner/edits/preview").as(planner).json(edit).send();
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return TestServer.json(r);
    }

    private long residentsIn(int grid) {
        return PlannerDistrict.count(db.dataSource(), "SELECT count(*) FROM resident WHERE grid_id = " + grid);
    }

    @Test
    void movingAStreetBlockToTheNeighbourMovesItsAddressesResidentsBuildingAndPartyGroupAndLosesNothing() {
        int first = PlannerDistrict.grid(db, 0);
        int second = PlannerDistrict.grid(db, 1);
        long before = residentsIn(first);
        JsonNode saved = ok(save(body("kind", "move_blocks", "from", second, "to", first,
                "blocks", positions(PlannerDistrict.centre(1, 1)), "reason", "新建小区并入第一网格")));
        assertEquals(4, saved.at("/moves/addresses/count").asInt(), saved.toString());
        assertEquals(12, saved.at("/moves/residents/count").asInt());
        assertEquals(1, saved.at("/moves/buildings/count").asInt());
        assertEquals(before + 12, residentsIn(first));
        assertTrue(saved.path("change").asLong() > 0);
        PlannerDistrict.assertNothingLost(db);
        assertEquals(2, PlannerDistrict.version(db, first));
        assertEquals(2, PlannerDistrict.version(db, second));
    }

    @Test
    void aPreviewShowsWhatWouldMoveAndChangesNothing() {
        int first = PlannerDistrict.grid(db, 0);
        int second = PlannerDistrict.grid(db, 1);
        String state = Sql.text(db.dataSource(), "SELECT md5(string_agg(id || ':' || grid_id, ',' ORDER BY id)) FROM resident").orElseThrow();
        JsonNode p = ok(preview(body("kind", "move_blocks", "from", second, "to", first, "blocks", positions(PlannerDistrict.centre(1, 1)))));
        assertEquals(4, p.at("/moves/addresses/count").asInt());
        assertEquals(12, p.at("/moves/residents/count").asInt());
        assertEquals(state, Sql.text(db.dataSource(), "SELECT md5(string_agg(id || ':' || grid_id, ',' ORDER BY id)) FROM resident").orElseThrow());
        assertEquals(1, PlannerDistrict.version(db, first));
        assertFalse(p.toString().contains("规划居民"), "no resident's name in a planner's view");
    }
}
