package org.partymap.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partymap.planner.PlannerApi.ok;
import static org.partymap.planner.PlannerDistrict.body;
import static org.partymap.planner.PlannerDistrict.centre;
import static org.partymap.planner.PlannerDistrict.positions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partymap.testing.TestServer;

/**
 * Two planners in two sessions edit the same community from the same versions: the first save
 * wins, the second gets 409 with both versions — what it meant ("mine") and what is there now
 * ("theirs", with who saved it, when and why) — and nothing of it is saved.
 */
class GridConflictIT {

    private PlannerApi api;
    private TestServer.Session colleague;

    @BeforeEach
    void start() {
        api = new PlannerApi();
        colleague = api.server.login("colleague");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Map<String, Object> moveBlock(int from, int to, int column, int row, String reason) {
        return body("kind", "move_blocks", "from", from, "to", to, "blocks", positions(centre(column, row)), "reason", reason);
    }

    @Test
    void theSecondOfTwoSavesFromOneBaseVersionGets409WithBothVersionsAndChangesNothing() {
        int first = api.grid(0);
        int second = api.grid(1);
        int third = api.grid(2);
        String base = PlannerDistrict.ifMatch(api.db);
        ok(api.save(api.planner, moveBlock(second, first, 1, 1, "二号小区并入第一网格"), base));
        long versions = api.count("SELECT count(*) FROM grid_version");

        var r = api.save(colleague, moveBlock(second, third, 1, 0, "南侧街区并入第三网格"), base);
        assertEquals(409, r.statusCode(), r.body());
        JsonNode p = TestServer.json(r);
        assertEquals("/problems/edit-conflict", p.path("type").asText());
        JsonNode conflict = byGrid(p.at("/conflicts"), second);
        assertEquals(1, conflict.path("your_version").asInt());
        assertEquals(2, conflict.path("current_version").asInt());
        assertEquals("\"grid-" + second + "-v2\"", conflict.path("etag").asText());
        assertEquals("planner", conflict.path("changed_by").asText());
        assertEquals("二号小区并入第一网格", conflict.path("reason").asText());
        assertTrue(p.path("detail").asText().contains("planner"), p.path("detail").asText());
        assertEquals(2, p.at("/conflicts").size(), "第一 and 第二网格 were saved in between, 第三网格 was not: " + p.at("/conflicts"));

        JsonNode mine = byId(p.at("/mine/features"), second);
        JsonNode theirs = byId(p.at("/theirs/features"), second);
        assertEquals(1, mine.at("/properties/version").asInt(), "mine is made from the version it was based on");
        assertEquals(2, theirs.at("/properties/version").asInt());
        assertTrue(mine.at("/geometry").toString().contains(String.valueOf(PlannerDistrict.Y[2])), "mine keeps the north block: " + mine);
        assertTrue(!theirs.at("/geometry").toString().contains(String.valueOf(PlannerDistrict.Y[2])), "theirs kept the south block: " + theirs);
        assertEquals(versions, api.count("SELECT count(*) FROM grid_version"), "nothing of the refused save is kept");
        assertEquals(1, PlannerDistrict.version(api.db, third));
        PlannerDistrict.assertNothingLost(api.db);

        ok(api.save(colleague, moveBlock(third, second, 2, 0, "重新载入后：东南街区并入第二网格"), PlannerDistrict.ifMatch(api.db)));
        assertEquals(3, PlannerDistrict.version(api.db, second), "after reloading, the colleague's save goes through");
        PlannerDistrict.assertNothingLost(api.db);
    }

    @Test
    void aPreviewFromAnOldVersionIsAConflictToo() {
        int first = api.grid(0);
        int second = api.grid(1);
        String base = PlannerDistrict.ifMatch(api.db);
        ok(api.save(api.planner, moveBlock(second, first, 1, 1, "二号小区并入第一网格"), base));
        var r = api.server.call("POST", "/api/planner/edits/preview").as(colleague).header("If-Match", base)
                .json(moveBlock(first, second, 0, 0, "")).send();
        assertEquals(409, r.statusCode(), r.body());
    }

    @Test
    void tagsOfGridsTheEditDoesNotTouchAreNotChecked() {
        int first = api.grid(0);
        int second = api.grid(1);
        int third = api.grid(2);
        String base = PlannerDistrict.ifMatch(api.db);
        ok(api.save(api.planner, moveBlock(second, first, 1, 1, "二号小区并入第一网格"), base));
        JsonNode saved = ok(api.save(colleague, body("kind", "attributes", "grid", third, "reason", "换网格长", "attributes",
                Map.of("name", "第三网格", "branch_name", "第三网格党支部", "leader_name", "赵六")), base));
        assertEquals("\"grid-" + third + "-v2\"", saved.at("/grids/features/0/properties/etag").asText());
    }

    @Test
    void aSaveWithoutIfMatchIs428AndABrokenIfMatchIs400() {
        int first = api.grid(0);
        int second = api.grid(1);
        var r = api.save(api.planner, moveBlock(second, first, 1, 1, "无版本"), null);
        assertEquals(428, r.statusCode(), r.body());
        assertEquals("If-Match", TestServer.json(r).path("header").asText());
        assertTrue(r.body().contains(PlannerDistrict.GRIDS[0]) && r.body().contains(PlannerDistrict.GRIDS[1]), "names the grids: " + r.body());
        r = api.save(api.planner, moveBlock(second, first, 1, 1, "只有一个网格的版本"), "\"grid-" + first + "-v1\"");
        assertEquals(428, r.statusCode(), "every grid the edit changes must be named");
        for (String bad : new String[] {"*", "W/\"grid-1-v1\"", "\"grid-x-v1\"", "grid-1-v1", "\"grid-1-v1\", \"grid-1-v2\""}) {
            r = api.save(api.planner, moveBlock(second, first, 1, 1, "坏标签"), bad);
            assertEquals(400, r.statusCode(), bad + " → " + r.body());
        }
        assertEquals(1, PlannerDistrict.version(api.db, first));
    }

    private static JsonNode byGrid(JsonNode conflicts, int grid) {
        for (JsonNode c : conflicts) {
            if (c.path("grid").asInt() == grid) {
                return c;
            }
        }
        throw new AssertionError("no conflict over grid " + grid + " in " + conflicts);
    }

    private static JsonNode byId(JsonNode features, int id) {
        for (JsonNode f : features) {
            if (f.path("id").asInt() == id) {
                return f;
            }
        }
        throw new AssertionError("no feature " + id + " in " + features);
    }
}
