package org.partymap.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partymap.planner.PlannerApi.ok;
import static org.partymap.planner.PlannerDistrict.X;
import static org.partymap.planner.PlannerDistrict.Y;
import static org.partymap.planner.PlannerDistrict.at;
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

/** Every kind of edit over HTTP on the planner test community, each followed by the no-loss invariant. */
class GridEditIT {

    private PlannerApi api;

    @BeforeEach
    void start() {
        api = new PlannerApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private long residentsIn(int grid) {
        return api.count("SELECT count(*) FROM resident WHERE grid_id = " + grid);
    }

    private String codeOf(int grid) {
        return Sql.text(api.db.dataSource(), "SELECT code FROM grid WHERE id = ?", grid).orElse(null);
    }

    private static Map<String, Object> line(double[]... points) {
        return Map.of("type", "LineString", "coordinates", positions(points));
    }

    @Test
    void movingAStreetBlockToTheNeighbourMovesItsAddressesResidentsBuildingAndPartyGroup() {
        int first = api.grid(0);
        int second = api.grid(1);
        long before = residentsIn(first);
        JsonNode saved = ok(api.save(body("kind", "move_blocks", "from", second, "to", first,
                "blocks", positions(centre(1, 1)), "reason", "新建小区并入第一网格")));
        assertEquals(4, saved.at("/moves/addresses/count").asInt(), saved.toString());
        assertEquals(12, saved.at("/moves/residents/count").asInt());
        assertEquals(1, saved.at("/moves/buildings/count").asInt());
        assertEquals(before + 12, residentsIn(first));
        assertTrue(saved.path("change").asLong() > 0);
        assertEquals(2, PlannerDistrict.version(api.db, first));
        assertEquals(2, PlannerDistrict.version(api.db, second));
        assertEquals(2, api.count("SELECT count(*) FROM grid_version WHERE change_id = " + saved.path("change").asLong()));
        PlannerDistrict.assertNothingLost(api.db);
    }

    @Test
    void aPreviewShowsWhatWouldMoveAndTheNewTotalsAndChangesNothing() {
        int first = api.grid(0);
        int second = api.grid(1);
        String state = Sql.text(api.db.dataSource(), "SELECT md5(string_agg(id || ':' || grid_id, ',' ORDER BY id)) FROM resident").orElseThrow();
        JsonNode p = ok(api.preview(body("kind", "move_blocks", "from", second, "to", first, "blocks", positions(centre(1, 1)))));
        assertEquals(4, p.at("/moves/addresses/count").asInt());
        assertEquals(12, p.at("/moves/residents/count").asInt());
        assertEquals(1, p.at("/flows").size());
        assertEquals(second, p.at("/flows/0/from").asInt());
        assertEquals(first, p.at("/flows/0/to").asInt());
        JsonNode grids = p.at("/grids/features");
        for (JsonNode g : grids) {
            long before = g.at("/properties/before/residents").asLong();
            long after = g.at("/properties/after/residents").asLong();
            assertEquals(g.path("id").asInt() == first ? before + 12 : before - 12, after, g.toString());
        }
        assertEquals(state, Sql.text(api.db.dataSource(), "SELECT md5(string_agg(id || ':' || grid_id, ',' ORDER BY id)) FROM resident").orElseThrow());
        assertEquals(1, PlannerDistrict.version(api.db, first));
        assertFalse(p.toString().contains("规划居民"), "no resident's name in a planner's view");
    }

    @Test
    void splittingAGridAlongALineMakesANewGridWithTheNextCodeServedByTheSameWorkers() {
        int second = api.grid(1);
        JsonNode saved = ok(api.save(body("kind", "split", "grid", second, "reason", "人口增长，一分为二",
                "line", line(new double[] {X[1] - 0.0001, Y[1] + 0.00002}, new double[] {X[2] + 0.0001, Y[1] + 0.00002}),
                "keep", List.of(centre(1, 0)[0], centre(1, 0)[1]))));
        JsonNode created = null;
        for (JsonNode g : saved.at("/grids/features")) {
            if (g.at("/properties/change").asText().equals("created")) {
                created = g;
            }
        }
        assertEquals("320902005001004", created.at("/properties/code").asText(), saved.toString());
        assertEquals("第四网格", created.at("/properties/name").asText());
        int fresh = created.path("id").asInt();
        assertEquals(12, residentsIn(fresh));
        assertEquals(2, api.count("SELECT count(*) FROM app_user_grid ug JOIN app_user u ON u.id = ug.user_id WHERE u.username = 'worker'"),
                "the worker of the split grid serves both parts");
        assertEquals(1, api.count("SELECT count(*) FROM grid_version WHERE grid_id = " + fresh + " AND operation = 'split'"));
        assertEquals(0, api.count("SELECT count(*) FROM grid g, grid h WHERE g.id = " + fresh + " AND h.id = " + second
                + " AND ST_Y(ST_Centroid(g.geom)) < ST_Y(ST_Centroid(h.geom))"), "the part with the keep point kept the grid");
        PlannerDistrict.assertNothingLost(api.db);
    }

    @Test
    void mergingRetiresTheOtherGridWithAHistoryEntryAndItsCodeIsNeverGivenAgain() {
        int second = api.grid(1);
        int third = api.grid(2);
        // a 走访 visit to a household of the retired grid goes with its resident, never blocks the merge
        Sql.update(api.db.dataSource(), "UPDATE resident SET care_tags = '{独居老人}' WHERE id = (SELECT min(id) FROM resident WHERE grid_id = ?)", third);
        Sql.update(api.db.dataSource(), """
                INSERT INTO care_visit (grid_id, address_text, resident_id, kind, visited_on, client_key)
                SELECT grid_id, address_text, id, 'home', current_date, gen_random_uuid() FROM resident WHERE grid_id = ? AND cardinality(care_tags) > 0""",
                third);
        // and so do a 社区通 question and two 微心愿 (one for that resident, one for no one)
        Sql.update(api.db.dataSource(), """
                INSERT INTO question (token_hash, grid_id, topic, body, asked_at, clock_start, due_at, escalate_at, updated_at)
                VALUES (repeat('a', 64), ?, '其他', '合并前的问题', now(), now(), now(), now(), now())""", third);
        Sql.update(api.db.dataSource(), """
                INSERT INTO wish (grid_id, resident_id, title, category, due_on, posted_at, updated_at)
                SELECT ?, (SELECT min(id) FROM resident WHERE grid_id = ? AND cardinality(care_tags) > 0), t, 'repair', current_date + 7, now(), now()
                  FROM unnest(ARRAY['合并前的心愿', '无主的心愿']) AS t""", third, third);
        Sql.update(api.db.dataSource(), "UPDATE wish SET resident_id = NULL WHERE title = '无主的心愿'");
        JsonNode merged = ok(api.save(body("kind", "merge", "grid", second, "other", third, "reason", "两网格合并")));
        assertEquals(1, api.count("SELECT count(*) FROM question WHERE grid_id = " + second), "the question goes to the heir");
        assertEquals(2, api.count("SELECT count(*) FROM wish WHERE grid_id = " + second), "the wishes go with their resident, or to the heir");
        assertEquals(List.of(), org.partymap.testing.Invariants.wishesKeepOneClaimant(api.db.dataSource()));
        assertEquals(0, api.count("SELECT count(*) FROM grid WHERE id = " + third));
        assertEquals(1, api.count("SELECT count(*) FROM care_visit WHERE grid_id = " + second));
        assertEquals(List.of(), org.partymap.testing.Invariants.visitsSitInTheirHouseholds(api.db.dataSource()));
        assertEquals(1, api.count("SELECT count(*) FROM grid_version WHERE grid_id = " + third + " AND operation = 'retire'"));
        assertEquals(second, api.count("SELECT grid_id FROM resident WHERE name = '无址居民'"), "a resident without a point goes with the grid");
        assertEquals(0, api.count("SELECT count(*) FROM station s WHERE s.grid_id IS DISTINCT FROM " + second + " AND s.name LIKE '%活动室'"));
        assertEquals(2, api.count("SELECT count(*) FROM party_group WHERE grid_id = " + second));
        assertEquals(third, merged.at("/grids/features").findValuesAsText("change").contains("retired") ? third : -1);
        PlannerDistrict.assertNothingLost(api.db);
        JsonNode split = ok(api.save(body("kind", "split", "grid", second, "reason", "再拆分",
                "line", line(new double[] {X[1] - 0.0001, Y[1]}, new double[] {X[3] + 0.0001, Y[1]}))));
        assertTrue(split.toString().contains("320902005001004"), "a new grid after 003 was retired gets 004: " + split);
        assertFalse(split.toString().contains("\"320902005001003\""));
        PlannerDistrict.assertNothingLost(api.db);
    }

    @Test
    void draggingAVertexSharedByTwoGridsMovesItInBothInOneSaveAndSnapsItToTheLane() {
        int first = api.grid(0);
        int second = api.grid(1);
        double[] to = {X[1] + 0.0012, Y[1] + 0.00002}; // about 2 m north of the lane: snapped onto it
        JsonNode saved = ok(api.save(body("kind", "redraw", "community", PlannerDistrict.community(api.db), "reason", "边界沿中心巷东移",
                "moves", List.of(Map.of("from", List.of(X[1], Y[1]), "to", List.of(to[0], to[1]))))));
        assertEquals(2, saved.at("/moves/addresses/count").asInt(), saved.toString());
        assertEquals(2, PlannerDistrict.version(api.db, first));
        assertEquals(2, PlannerDistrict.version(api.db, second));
        assertEquals(2, api.count(String.format(java.util.Locale.ROOT, "SELECT count(*) FROM grid g WHERE EXISTS (SELECT 1 FROM ST_DumpPoints(g.geom) d"
                + " WHERE ST_Y(d.geom) = %s AND abs(ST_X(d.geom) - %s) < 1e-9)", Y[1], to[0])), "both grids have the snapped vertex, on the lane exactly: "
                + Sql.list(api.db.dataSource(), "SELECT ST_AsText(geom) FROM grid ORDER BY id", rs -> rs.getString(1)));
        PlannerDistrict.assertNothingLost(api.db);
    }

    @Test
    void drawingABoundaryAnewMakesTheNeighbourGiveWay() {
        int first = api.grid(0);
        int second = api.grid(1);
        String ring = String.format(java.util.Locale.ROOT, "[[%s, %s], [%s, %s], [%s, %s], [%s, %s], [%s, %s], [%s, %s], [%s, %s]]",
                X[0], Y[0], X[1], Y[0], X[1] + 0.00002, Y[1] - 0.00001, X[2], Y[1], X[2], Y[2], X[0], Y[2], X[0], Y[0]);
        JsonNode saved = ok(api.save(body("kind", "reshape", "grid", first, "reason", "第一网格接管二号小区",
                "geometry", Map.of("type", "Polygon", "coordinates", List.of(positions(parse(ring)))))));
        assertEquals(4, saved.at("/moves/addresses/count").asInt(), saved.toString());
        assertEquals(first, api.count("SELECT grid_id FROM address WHERE full_address = '规划路13号'"));
        assertEquals(0, api.count("SELECT count(*) FROM grid g WHERE g.id = " + second + " AND ST_Y(ST_PointN(ST_ExteriorRing(ST_GeometryN(g.geom, 1)), 1)) > 33.3018"));
        PlannerDistrict.assertNothingLost(api.db);
    }

    @Test
    void editingAGridsAttributesRaisesItsVersionAndMovesNothing() {
        int first = api.grid(0);
        JsonNode saved = ok(api.save(body("kind", "attributes", "grid", first, "reason", "换届", "attributes", Map.of(
                "name", "第一网格", "branch_name", "规划社区第一网格党支部", "leader_name", "新网格长", "leader_phone", "0515-01234567",
                "contacts", List.of(Map.of("role", "专职网格员", "name", "王五", "phone", "10012345678")),
                "duties", List.of("信息收集上报", "便民服务代办")))));
        assertEquals(0, saved.at("/moves/addresses/count").asInt());
        assertEquals("新网格长", Sql.text(api.db.dataSource(), "SELECT leader_name FROM grid WHERE id = ?", first).orElseThrow());
        assertEquals(1, api.count("SELECT count(*) FROM grid_version WHERE grid_id = " + first + " AND operation = 'attributes' AND version = 2"));
        PlannerDistrict.assertNothingLost(api.db);
    }

    @Test
    void acceptingAWholeProposalKeepsTheCodesOfTheGridsItReplaces() {
        int community = PlannerDistrict.community(api.db);
        JsonNode proposal = ok(api.get("/api/planner/communities/" + community + "/proposal?classes=main,secondary&min=150&max=300"));
        JsonNode features = proposal.at("/proposal/features");
        assertEquals(2, features.size(), proposal.toString());
        var grids = new java.util.ArrayList<JsonNode>();
        features.forEach(f -> grids.add(f.get("geometry")));
        JsonNode saved = ok(api.save(body("kind", "proposal", "community", community, "grids", grids, "reason", "按方案重划")));
        assertEquals(2, api.count("SELECT count(*) FROM grid g JOIN community c ON c.id = g.community_id WHERE c.code = '"
                + PlannerDistrict.COMMUNITY + "'"));
        assertEquals(0, api.count("SELECT count(*) FROM grid WHERE code NOT LIKE '32090200500100_' AND code NOT LIKE '320902002%'"));
        assertEquals(0, api.count("SELECT count(*) FROM grid WHERE code = '320902005001004'"), "no new code: " + saved);
        PlannerDistrict.assertNothingLost(api.db);
    }

    @Test
    void acceptingPartOfAProposalLeavesTheRestOfTheCommunityWhereItWas() {
        int community = PlannerDistrict.community(api.db);
        JsonNode proposal = ok(api.get("/api/planner/communities/" + community + "/proposal?classes=main,lane&min=100&max=200"));
        JsonNode first = proposal.at("/proposal/features/0");
        JsonNode saved = ok(api.save(body("kind", "proposal", "community", community, "grids", List.of(first.get("geometry")),
                "reason", "先接受方案的一个网格")));
        assertTrue(saved.at("/grids/features").size() >= 1, saved.toString());
        PlannerDistrict.assertNothingLost(api.db);
    }

    private static double[][] parse(String ring) {
        String[] nums = ring.replaceAll("[\\[\\]]", "").split(",");
        double[][] out = new double[nums.length / 2][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {Double.parseDouble(nums[2 * i].strip()), Double.parseDouble(nums[2 * i + 1].strip())};
        }
        return out;
    }

    static double[] point(int i, int j) {
        return at(i, j, 0.5, 0.5);
    }
}
