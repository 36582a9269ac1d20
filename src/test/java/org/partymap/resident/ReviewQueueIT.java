package org.partymap.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.geocode.GeocodeFixtures;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

/**
 * The review queue: the residents whose address did not geocode with confidence, listed for the
 * grid workers of their grid (and for the uploader when they fell in no grid), with phones masked
 * and the read audited; and the point set by hand, inside the district and the caller's grids,
 * after which the grid is assigned and the resident leaves the queue.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewQueueIT {

    private static Database db;
    private static TestServer server;
    private static Session admin;
    private static Session worker;
    private static Session otherWorker;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        GeocodeFixtures.loadEstate(db);
        TestAccounts.create(db, "admin", Role.ADMIN);
        TestAccounts.create(db, "worker", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "other-worker", Role.GRID_WORKER, Fixtures.GRID_3);
        server = TestServer.start(db);
        admin = server.login("admin");
        worker = server.login("worker");
        otherWorker = server.login("other-worker");
        String file = ResidentImportIT.HEADER + "\n"
                + "1,待核甲,女,1940-01-01,320902194001011111,10012345678,不详,,户籍人口,独居老人\n"
                + "2,待核乙,男,1941-01-01,320902194101011112,10012345679,万方,,户籍人口,\n"
                + "3,确定甲,男,1942-01-01,320902194201011113,10012345670,万方花园2幢1单元,,户籍人口,\n";
        HttpResponse<String> accepted = server.call("POST", "/api/residents/imports?name=review.csv").as(worker)
                .body(file.getBytes(StandardCharsets.UTF_8), "text/csv").send();
        assertEquals("done", ResidentImportIT.awaitOn(server, worker, accepted).get("status").asText());
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static JsonNode queue(Session who, String query) {
        HttpResponse<String> r = server.call("GET", "/api/review/residents" + query).as(who).send();
        assertEquals(200, r.statusCode(), r.body());
        return TestServer.json(r);
    }

    private static List<String> names(JsonNode page) {
        var out = new ArrayList<String>();
        page.get("residents").forEach(r -> out.add(r.get("name").asText()));
        return out;
    }

    private static long id(String name) {
        return Fixtures.residentId(db, name);
    }

    private static HttpResponse<String> pin(Session who, long id, String body) {
        return server.call("PUT", "/api/residents/" + id + "/location").as(who).json(body).send();
    }

    private static long count(String sql, Object... params) {
        return Sql.one(db.dataSource(), sql, rs -> rs.getLong(1), params).orElseThrow();
    }

    @Test
    @Order(1)
    void theWorkerSeesTheRowsToReviewWithTheGuessAndPhonesMaskedAndTheReadIsAudited() {
        JsonNode page = queue(worker, "");
        assertEquals(List.of("待核甲", "待核乙"), names(page));
        JsonNode unmatched = page.get("residents").get(0);
        assertEquals("不详", unmatched.get("address").asText());
        assertEquals(2, unmatched.get("import_line").asInt());
        assertEquals("none", unmatched.get("match_level").asText());
        assertTrue(unmatched.get("guess").isNull(), unmatched.toString());
        assertEquals("100****5678", unmatched.get("phone_masked").asText());
        assertFalse(page.toString().contains("10012345678"), "no whole phone in the queue");
        assertFalse(page.toString().contains("********") || page.toString().contains("1940010"), "no ID in the queue");
        JsonNode estateOnly = page.get("residents").get(1);
        assertEquals("estate", estateOnly.at("/guess/level").asText(), estateOnly.toString());
        assertEquals("万方花园", estateOnly.at("/guess/address").asText());
        assertTrue(estateOnly.at("/guess/score").asDouble() < 0.8);
        assertEquals(1, count("""
                SELECT count(*) FROM audit_log a JOIN app_user u ON u.id = a.user_id
                 WHERE a.action = 'resident_list' AND u.username = 'worker' AND (a.detail ->> 'review')::boolean
                   AND (a.detail ->> 'returned')::int = 2"""));
    }

    @Test
    @Order(2)
    void anotherGridsWorkerSeesNoneOfThemAndAnAdminSeesAll() {
        assertEquals(List.of(), names(queue(otherWorker, "")));
        assertTrue(names(queue(admin, "")).containsAll(List.of("待核甲", "待核乙")));
        int grid3 = Fixtures.id(db, "grid", Fixtures.GRID_3);
        assertEquals(403, server.call("GET", "/api/review/residents?grid=" + grid3).as(worker).send().statusCode());
        assertEquals(401, server.call("GET", "/api/review/residents").send().statusCode());
    }

    @Test
    void pinningAssignsTheGridTakesTheRowOffTheQueueAndIsAudited() {
        long id = id("待核乙");
        double lon = GeocodeFixtures.buildingLon(3);
        HttpResponse<String> r = pin(worker, id, "{\"lon\": " + lon + ", \"lat\": 33.3847}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode pinned = TestServer.json(r);
        assertEquals(Fixtures.GRID_1, pinned.at("/grid/code").asText());
        assertEquals("fixed", pinned.get("review_status").asText());
        assertEquals("manual", pinned.get("match_level").asText());
        assertEquals(1, count("""
                SELECT count(*) FROM resident r JOIN grid g ON g.id = r.grid_id
                 WHERE r.id = ? AND g.code = ? AND r.review_status = 'fixed' AND r.match_level = 'manual'
                   AND r.reviewed_by = 'worker' AND abs(ST_X(r.geom) - ?) < 1e-9""", id, Fixtures.GRID_1, lon));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'resident_pin' AND target_id = ? AND detail ->> 'grid' = ?",
                Long.toString(id), Fixtures.GRID_1));
        assertFalse(names(queue(worker, "")).contains("待核乙"), "a fixed row leaves the queue");
    }

    @Test
    void aPinOnAStandardAddressLinksTheAddress() {
        long id = id("待核甲");
        HttpResponse<String> r = pin(admin, id, "{\"lon\": 120.1495, \"lat\": 33.3831}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("人民路12号", TestServer.json(r).get("address").asText());
        assertEquals(1, count("SELECT count(*) FROM resident r JOIN address a ON a.id = r.address_id WHERE r.id = ? AND a.full_address = '人民路12号'", id));
    }

    @Test
    void aPinOutsideTheDistrictOrTheWorkersGridsOrMalformedIsRefusedAndChangesNothing() {
        long id = id("确定甲");
        String before = state(id);
        assertEquals(422, pin(worker, id, "{\"lon\": 120.5, \"lat\": 33.5}").statusCode());
        HttpResponse<String> other = pin(worker, id, "{\"lon\": 120.1555, \"lat\": 33.3855}");
        assertEquals(403, other.statusCode(), other.body());
        assertTrue(other.body().contains(Fixtures.GRID_3), other.body());
        for (String body : List.of("{\"lon\": \"120.147\", \"lat\": 33.385}", "{\"lon\": 120.147}", "{\"lon\": 500, \"lat\": 33.385}",
                "{\"lon\": 120.147, \"lat\": 33.385, \"grid\": 1}", "[120.147, 33.385]")) {
            HttpResponse<String> r = pin(worker, id, body);
            assertEquals(400, r.statusCode(), body + " → " + r.body());
        }
        assertEquals(before, state(id));
    }

    @Test
    void anotherGridsWorkerCannotPinAndTheAttemptIsAudited() {
        long id = id("确定甲");
        HttpResponse<String> r = pin(otherWorker, id, "{\"lon\": 120.1555, \"lat\": 33.3855}");
        assertEquals(404, r.statusCode(), r.body());
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'resident_pin_denied' AND target_id = ?", Long.toString(id)));
        assertEquals(404, pin(worker, 999_999, "{\"lon\": 120.147, \"lat\": 33.385}").statusCode());
        assertNull(Sql.one(db.dataSource(), "SELECT reviewed_by FROM resident WHERE id = ?", rs -> rs.getString(1), id).orElse(null));
    }

    private static String state(long id) {
        return Sql.one(db.dataSource(), "SELECT r::text FROM resident r WHERE id = ?", rs -> rs.getString(1), id).orElseThrow();
    }
}
