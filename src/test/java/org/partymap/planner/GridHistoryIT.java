package org.partymap.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partymap.planner.PlannerApi.ok;
import static org.partymap.planner.PlannerDistrict.body;
import static org.partymap.planner.PlannerDistrict.centre;
import static org.partymap.planner.PlannerDistrict.positions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partymap.db.Sql;

/** Every version of every grid kept with who, when and why; any version drawn against the current one; reverts saved as new versions. */
class GridHistoryIT {

    private PlannerApi api;
    private int first;
    private int second;

    @BeforeEach
    void start() {
        api = new PlannerApi();
        first = api.grid(0);
        second = api.grid(1);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String shapes() {
        return Sql.text(api.db.dataSource(), "SELECT string_agg(code || ':' || ST_AsText(ST_Normalize(geom)), ';' ORDER BY code) FROM grid")
                .orElseThrow();
    }

    private String residents() {
        return Sql.text(api.db.dataSource(), "SELECT md5(string_agg(id || ':' || grid_id, ',' ORDER BY id)) FROM resident").orElseThrow();
    }

    @Test
    void aGridsHistoryListsEveryVersionWithWhoWhenWhyAndWhatWasSavedWithIt() {
        ok(api.save(body("kind", "move_blocks", "from", second, "to", first, "blocks", positions(centre(1, 1)), "reason", "新建小区并入第一网格")));
        JsonNode h = ok(api.get("/api/planner/grids/" + first + "/history"));
        assertEquals(PlannerDistrict.GRIDS[0], h.at("/grid/code").asText());
        assertEquals("\"grid-" + first + "-v2\"", h.at("/grid/etag").asText());
        JsonNode newest = h.at("/versions/0");
        assertEquals(2, newest.path("version").asInt(), h.toString());
        assertEquals("move_blocks", newest.path("operation").asText());
        assertEquals("新建小区并入第一网格", newest.path("reason").asText());
        assertEquals("planner", newest.path("changed_by").asText());
        assertFalse(newest.path("changed_at").asText().isEmpty());
        assertTrue(newest.path("current").asBoolean());
        assertEquals(List.of(PlannerDistrict.GRIDS[1]), List.of(newest.at("/together/0").asText()), "saved together with 第二网格");
        assertEquals(1, h.at("/versions/1/version").asInt());

        JsonNode v = ok(api.get("/api/planner/grids/" + first + "/versions/1"));
        assertEquals(1, v.at("/version/properties/version").asInt());
        assertEquals(2, v.at("/current/properties/version").asInt());
        assertTrue(v.at("/added/type").asText().endsWith("Polygon"), "the land gained since version 1: " + v.path("added"));
        assertEquals(404, api.get("/api/planner/grids/" + first + "/versions/9").statusCode());
        assertEquals(404, api.get("/api/planner/grids/999999/history").statusCode());
        String body = api.get("/api/planner/grids/" + first + "/history").body();
        assertFalse(body.contains("规划居民"), "no resident in a history");
    }

    @Test
    void revertingSavesTheOldVersionAsANewOneAndPutsEveryoneBack() {
        String shapes = shapes();
        String residents = residents();
        ok(api.save(body("kind", "move_blocks", "from", second, "to", first, "blocks", positions(centre(1, 1)), "reason", "新建小区并入第一网格")));
        JsonNode reverted = ok(api.save(body("kind", "revert", "reason", "撤销误操作",
                "grids", List.of(Map.of("grid", first, "version", 1), Map.of("grid", second, "version", 1)))));
        assertEquals(12, reverted.at("/moves/residents/count").asInt(), reverted.toString());
        assertEquals(3, PlannerDistrict.version(api.db, first), "a revert is a new version");
        assertEquals(3, PlannerDistrict.version(api.db, second));
        assertEquals(shapes, shapes(), "the shapes of version 1");
        assertEquals(residents, residents(), "every resident back in the grid they were in");
        assertEquals(1, api.count("SELECT count(*) FROM grid_version WHERE grid_id = " + first + " AND version = 3 AND operation = 'revert'"
                + " AND reason = '撤销误操作'"));
        PlannerDistrict.assertNothingLost(api.db);
    }

    @Test
    void revertingAMergeRestoresTheRetiredGridWithItsOwnCode() {
        int third = api.grid(2);
        String shapes = shapes();
        ok(api.save(body("kind", "merge", "grid", second, "other", third, "reason", "两网格合并")));
        JsonNode h = ok(api.get("/api/planner/grids/" + third + "/history"));
        assertFalse(h.at("/grid/live").asBoolean(), "a retired grid keeps its history: " + h);
        assertEquals("retire", h.at("/versions/0/operation").asText());
        String ifMatch = PlannerDistrict.ifMatch(api.db) + ", \"grid-" + third + "-v2\"";
        var r = api.save(api.planner, body("kind", "revert", "reason", "合并有误，恢复",
                "grids", List.of(Map.of("grid", second, "version", 1), Map.of("grid", third, "version", 1))), ifMatch);
        JsonNode saved = ok(r);
        assertTrue(saved.toString().contains("\"restored\""), saved.toString());
        assertEquals(shapes, shapes(), "both grids back, with their own codes");
        assertEquals(third, api.grid(2), "the restored grid keeps its id");
        assertEquals(3, PlannerDistrict.version(api.db, third));
        PlannerDistrict.assertNothingLost(api.db);
    }

    @Test
    void gridCodesStayAcrossRedrawsAndARetiredCodeIsNeverGivenAgain() {
        int third = api.grid(2);
        ok(api.save(body("kind", "move_blocks", "from", second, "to", first, "blocks", positions(centre(1, 1)), "reason", "调整一")));
        ok(api.save(body("kind", "merge", "grid", first, "other", second, "reason", "调整二")));
        assertEquals(PlannerDistrict.GRIDS[0], Sql.text(api.db.dataSource(), "SELECT code FROM grid WHERE id = ?", first).orElseThrow());
        assertEquals(PlannerDistrict.GRIDS[2], Sql.text(api.db.dataSource(), "SELECT code FROM grid WHERE id = ?", third).orElseThrow());
        JsonNode split = ok(api.save(body("kind", "split", "grid", first, "reason", "调整三", "line", Map.of("type", "LineString",
                "coordinates", positions(new double[] {PlannerDistrict.X[0] - 0.0001, PlannerDistrict.Y[1]},
                        new double[] {PlannerDistrict.X[2] + 0.0001, PlannerDistrict.Y[1]})))));
        assertTrue(split.toString().contains("320902005001004"), split.toString());
        assertEquals(0, api.count("SELECT count(*) FROM grid WHERE code = '" + PlannerDistrict.GRIDS[1] + "'"), "002 stays retired");
        PlannerDistrict.assertNothingLost(api.db);
    }

    @Test
    void historyIsForPlannersOfTheGridsSubdistrict() {
        var outsider = api.server.login("outsider");
        var worker = api.server.login("worker");
        assertEquals(403, api.server.call("GET", "/api/planner/grids/" + first + "/history").as(outsider).send().statusCode());
        assertEquals(403, api.server.call("GET", "/api/planner/grids/" + second + "/history").as(worker).send().statusCode());
        assertEquals(401, api.server.call("GET", "/api/planner/grids/" + first + "/history").send().statusCode());
        var admin = api.server.login("admin");
        assertEquals(200, api.server.call("GET", "/api/planner/grids/" + first + "/versions/1").as(admin).send().statusCode());
    }
}
