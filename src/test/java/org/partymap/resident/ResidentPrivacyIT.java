package org.partymap.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

class ResidentPrivacyIT {

    /**
     * Requests for the public routes, beyond calling each route without parameters. A public
     * route with a path parameter must have examples here, or the scan fails: a new public route
     * is scanned from the day it exists. {grid} stands for every grid's id.
     */
    private static final Map<String, List<String>> PUBLIC_EXAMPLES = Map.ofEntries(
            Map.entry("GET /api/grids/{id}", List.of("/api/grids/{grid}")),
            Map.entry("GET /api/grids/{id}/card", List.of("/api/grids/{grid}/card")),
            Map.entry("GET /api/grids/{id}/card.pdf", List.of("/api/grids/{grid}/card.pdf")),
            Map.entry("GET /api/locate", List.of("/api/locate?lon=120.145&lat=33.385", "/api/locate?lon=120.155&lat=33.385",
                    "/api/locate?lon=120.145&lat=33.395", "/api/locate?lon=120.155&lat=33.395")),
            Map.entry("GET /api/grids", List.of("/api/grids?community=1", "/api/grids?subdistrict=1")),
            Map.entry("POST /api/login", List.of()),
            Map.entry("POST /api/logout", List.of()),
            Map.entry("GET /api/stations/{id}/slots", List.of("/api/stations/1/slots?days=14", "/api/stations/3/slots?days=14")),
            Map.entry("GET /ogc/collections/{collectionId}", List.of("/ogc/collections/{collection}", "/ogc/collections/{collection}?f=html")),
            Map.entry("GET /ogc/collections/{collectionId}/items", List.of("/ogc/collections/{collection}/items?limit=10000",
                    "/ogc/collections/{collection}/items?f=html&limit=10000")),
            Map.entry("GET /ogc/collections/{collectionId}/items/{featureId}", List.of("/ogc/collections/{collection}/items/1")),
            Map.entry("GET /ogc/collections/{collectionId}/queryables", List.of("/ogc/collections/{collection}/queryables")),
            Map.entry("GET /ogc/collections/{collectionId}/schema", List.of("/ogc/collections/{collection}/schema")),
            Map.entry("GET /api/communities/{id}/notices", List.of("/api/communities/1/notices", "/api/communities/2/notices?limit=50")),
            Map.entry("GET /api/communities/{id}/notices.atom", List.of("/api/communities/1/notices.atom")),
            Map.entry("GET /api/notices/{id}", List.of("/api/notices/1")),
            Map.entry("GET /api/stations/{id}/activities", List.of("/api/stations/1/activities?days=90", "/api/stations/4/activities?days=90")),
            Map.entry("GET /api/stations/{id}/activities.ics", List.of("/api/stations/1/activities.ics", "/api/stations/4/activities.ics")),
            Map.entry("GET /api/communities/{id}/activities", List.of("/api/communities/1/activities?days=90", "/api/communities/2/activities")),
            Map.entry("GET /api/communities/{id}/activities.ics", List.of("/api/communities/1/activities.ics")),
            Map.entry("POST /api/activities/{id}/signups", List.of()),
            Map.entry("GET /api/communities/{id}/service-projects", List.of("/api/communities/1/service-projects",
                    "/api/communities/2/service-projects")),
            Map.entry("GET /api/grids/{id}/ask", List.of("/api/grids/{grid}/ask")),
            Map.entry("GET /api/communities/{id}/consult-stats", List.of("/api/communities/1/consult-stats", "/api/communities/2/consult-stats")),
            Map.entry("GET /api/communities/{id}/wishes", List.of("/api/communities/1/wishes", "/api/communities/2/wishes")),
            Map.entry("POST /api/wishes/{id}/claim", List.of()));

    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.seedResidents(db);
        TestAccounts.create(db, "worker1", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "planner1", Role.PLANNER, Fixtures.SUBDISTRICT);
        TestAccounts.create(db, "admin1", Role.ADMIN);
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"));
        // a 社区通 question that carries a resident's name and phone: no public answer may show them
        var secret = Fixtures.RESIDENTS.get(0);
        var asked = server.call("POST", "/api/questions").header("Origin", "http://127.0.0.1:" + server.port())
                .json(Map.of("grid", Fixtures.id(db, "grid", secret.gridCode()), "topic", "其他",
                        "text", "我是" + secret.name() + "，电话 " + secret.phone() + "，家里水管漏水")).send();
        assertEquals(201, asked.statusCode(), asked.body());
        // 微心愿 of every seeded resident of grid 1, one claimed under a resident's name: the walls may show none of them
        var worker = server.login("worker1");
        for (Fixtures.Resident r : Fixtures.RESIDENTS.stream().filter(x -> x.gridCode().equals(Fixtures.GRID_1)).toList()) {
            var posted = server.call("POST", "/api/wishes").as(worker).header("Origin", "http://127.0.0.1:" + server.port())
                    .json(Map.of("grid", Fixtures.id(db, "grid", r.gridCode()), "resident", Fixtures.residentId(db, r.name()),
                            "title", "希望有人帮忙换灯泡", "category", "repair", "situation", "老人独居，够不着顶灯", "due_on",
                            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7).toString()))
                    .send();
            assertEquals(201, posted.statusCode(), posted.body());
        }
        var claimer = Fixtures.RESIDENTS.get(5);
        var claimed = server.call("POST", "/api/wishes/" + Sql.one(db.dataSource(), "SELECT min(id) FROM wish", rs -> rs.getLong(1)).orElseThrow()
                + "/claim").header("Origin", "http://127.0.0.1:" + server.port())
                .json(Map.of("name", claimer.name(), "phone", "13912345678")).send();
        assertEquals(200, claimed.statusCode(), claimed.body());
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    /** Every seeded name, phone (as written and as digits) and ID that {@code body} contains. */
    private static List<String> leaks(String body) {
        var found = new ArrayList<String>();
        for (Fixtures.Resident r : Fixtures.RESIDENTS) {
            for (String secret : List.of(r.name(), r.phone(), r.phone().replace("-", ""), r.idMasked())) {
                if (body.contains(secret)) {
                    found.add(secret);
                }
            }
        }
        return found;
    }

    /** Every OGC collection's id, as /ogc/collections lists them. */
    private static List<String> collectionIds() {
        var ids = new ArrayList<String>();
        TestServer.json(server.get("/ogc/collections")).get("collections").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static List<Integer> gridIds() {
        return Sql.list(db.dataSource(), "SELECT id FROM grid ORDER BY id", rs -> rs.getInt(1));
    }

    @Test
    void noPublicResponseContainsAnyResidentsNamePhoneOrId() {
        var scanned = new LinkedHashMap<String, Integer>();
        var problems = new ArrayList<String>();
        for (TestServer.Route route : server.endpoints()) {
            if (!route.roles().contains(Role.PUBLIC)) {
                continue;
            }
            var paths = new ArrayList<String>();
            if (!route.path().contains("{")) {
                paths.add(route.path());
            }
            List<String> examples = PUBLIC_EXAMPLES.get(route.key());
            if (examples == null && route.path().contains("{")) {
                problems.add("public route " + route.key() + " has no example requests in ResidentPrivacyIT.PUBLIC_EXAMPLES");
                continue;
            }
            for (String example : examples == null ? List.<String>of() : examples) {
                if (example.contains("{grid}")) {
                    gridIds().forEach(id -> paths.add(example.replace("{grid}", id.toString())));
                } else if (example.contains("{collection}")) {
                    collectionIds().forEach(id -> paths.add(example.replace("{collection}", id)));
                } else {
                    paths.add(example);
                }
            }
            for (String path : paths) {
                HttpResponse<String> r = server.call(route.method(), path).send();
                scanned.put(route.method() + " " + path, r.statusCode());
                if (r.statusCode() >= 500) {
                    problems.add(route.method() + " " + path + " failed: " + r.statusCode());
                }
                List<String> leaked = leaks(r.body() + r.headers().map());
                if (!leaked.isEmpty()) {
                    problems.add(route.method() + " " + path + " leaks " + leaked);
                }
            }
        }
        assertTrue(scanned.size() >= 60, "scanned " + scanned);
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void vulnerableHouseholdsArePublicOnlyAsCountsOfFiveOrMore() {
        int grid1 = Fixtures.id(db, "grid", Fixtures.GRID_1);
        int grid3 = Fixtures.id(db, "grid", Fixtures.GRID_3);
        JsonNode five = TestServer.json(server.get("/api/grids/" + grid1)).at("/properties/counts");
        assertEquals(5, five.get("care_households").asInt(), five.toString());
        JsonNode two = TestServer.json(server.get("/api/grids/" + grid3)).at("/properties/counts");
        assertTrue(two.has("care_households") && two.get("care_households").isNull(), "two households are suppressed: " + two);
    }

    @Test
    void plannersSeeCountsPerGridAndNoPerson() {
        Session planner = server.login("planner1");
        HttpResponse<String> r = server.call("GET", "/api/subdistricts/" + Fixtures.id(db, "subdistrict", Fixtures.SUBDISTRICT) + "/workload")
                .as(planner).send();
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of(), leaks(r.body()));
        JsonNode grids = TestServer.json(r).get("grids");
        assertEquals(4, grids.size());
        assertEquals(6, grids.get(0).get("residents").asInt());
        assertEquals(5, grids.get(0).get("care_households").asInt());
        assertTrue(grids.get(2).get("care_households").isNull(), "below five is suppressed for planners too");
        assertEquals(403, server.call("GET", "/api/residents").as(planner).send().statusCode());
    }

    @Test
    void aGridWorkerListsOnlyTheirGridsResidentsWithPhonesMasked() {
        Session worker = server.login("worker1");
        HttpResponse<String> r = server.call("GET", "/api/residents").as(worker).send();
        assertEquals(200, r.statusCode(), r.body());
        JsonNode page = TestServer.json(r);
        assertEquals(6, page.get("total").asInt());
        for (JsonNode resident : page.get("residents")) {
            assertEquals(Fixtures.GRID_1, resident.at("/grid/code").asText());
            assertFalse(resident.has("phone"), "lists carry no full phone");
            assertTrue(resident.get("phone_masked").asText().contains("****"), resident.toString());
            assertFalse(resident.has("id_masked"), "lists carry no ID");
        }
        for (Fixtures.Resident seeded : Fixtures.RESIDENTS) {
            assertFalse(r.body().contains(seeded.phone()), "full phone in a list: " + seeded.phone());
            assertFalse(r.body().contains(seeded.idMasked()), "ID in a list: " + seeded.idMasked());
        }
        assertFalse(r.body().contains("隐私丙"), "residents of other grids stay out of the list");
        assertEquals("100****2222", page.get("residents").get(0).get("phone_masked").asText());
    }

    @Test
    void readingARecordShowsItWholeAndWritesWhoWhenWhichAndFromWhereToTheAuditLog() {
        Session worker = server.login("worker1");
        long id = Fixtures.residentId(db, "隐私甲三");
        HttpResponse<String> r = server.call("GET", "/api/residents/" + id).as(worker).send();
        assertEquals(200, r.statusCode(), r.body());
        JsonNode record = TestServer.json(r);
        assertEquals("0515-03334444", record.get("phone").asText());
        assertEquals("320902********3337", record.get("id_masked").asText());
        assertEquals(List.of("空巢老人"), List.of(record.get("care_tags").get(0).asText()));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));

        var audit = Sql.one(db.dataSource(), """
                SELECT u.username, a.action, a.target_type, a.target_id, host(a.ip), a.at > now() - interval '1 minute'
                  FROM audit_log a JOIN app_user u ON u.id = a.user_id
                 WHERE a.action = 'resident_read' ORDER BY a.id DESC LIMIT 1""",
                rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))).orElseThrow();
        assertEquals(List.of("worker1", "resident_read", "resident", Long.toString(id), "127.0.0.1", "t"), audit);

        // another grid's resident: no record, and the attempt is on record too
        long other = Fixtures.residentId(db, "隐私丙一");
        HttpResponse<String> refused = server.call("GET", "/api/residents/" + other).as(worker).send();
        assertEquals(404, refused.statusCode());
        assertEquals(List.of(), leaks(refused.body()));
        assertEquals(1L, Sql.one(db.dataSource(), "SELECT count(*) FROM audit_log WHERE action = 'resident_read_denied' AND target_id = ?",
                rs -> rs.getLong(1), Long.toString(other)).orElseThrow());
    }

    @Test
    void anImportKeepsNoWholeIdAndItsJobAuditAndReviewQueueNameNoPerson() throws Exception {
        Session worker = server.login("worker1");
        String file = "姓名,身份证号,联系电话,居住地址\n"
                + "私密导入一,320902193305051234,10098765432,人民路13号\n" // grid 3's: left out, so the other tests' counts hold
                + "私密导入二,320902193406061235,10098765433,查无此处\n";
        HttpResponse<String> accepted = server.call("POST", "/api/residents/imports?name=privacy.csv").as(worker)
                .body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").send();
        JsonNode job = ResidentImportIT.awaitOn(server, worker, accepted);
        assertEquals("done", job.get("status").asText(), job.toString());
        List<String> secrets = List.of("私密导入", "10098765432", "10098765433", "1933050512", "1934060612", "32090219330505");
        String audit = Sql.list(db.dataSource(), "SELECT a::text FROM audit_log a", rs -> rs.getString(1)).toString();
        String jobs = Sql.list(db.dataSource(), "SELECT i::text FROM resident_import i", rs -> rs.getString(1)).toString();
        for (String secret : secrets) {
            assertFalse(job.toString().contains(secret), "the job answer names " + secret);
            assertFalse(audit.contains(secret), "the audit log holds " + secret);
            assertFalse(jobs.contains(secret), "the import's row holds " + secret);
        }
        assertEquals(0, Sql.one(db.dataSource(), "SELECT count(*) FROM resident WHERE id_masked !~ '^[0-9]{6}[*]+[0-9X]{4}$'",
                rs -> rs.getLong(1)).orElseThrow(), "every stored ID is masked");
        HttpResponse<String> queue = server.call("GET", "/api/review/residents").as(worker).send();
        assertEquals(200, queue.statusCode(), queue.body());
        assertTrue(queue.body().contains("私密导入二") && queue.body().contains("100****5433"), queue.body());
        assertFalse(queue.body().contains("10098765433") || queue.body().contains("320902193406"), queue.body());
        Session planner = server.login("planner1");
        assertEquals(403, server.call("GET", "/api/review/residents").as(planner).send().statusCode());
        assertEquals(403, server.call("GET", "/api/residents/imports/" + job.get("id").asLong()).as(planner).send().statusCode());
        assertEquals(401, server.call("GET", "/api/residents/imports/" + job.get("id").asLong()).send().statusCode());
    }

    @Test
    void adminsReadAndExportTheAuditLog() {
        Session worker = server.login("worker1");
        long id = Fixtures.residentId(db, "隐私甲五");
        assertEquals(200, server.call("GET", "/api/residents/" + id).as(worker).send().statusCode());

        Session admin = server.login("admin1");
        HttpResponse<String> list = server.call("GET", "/api/admin/audit?action=resident_read&target_id=" + id).as(admin).send();
        assertEquals(200, list.statusCode(), list.body());
        JsonNode entry = TestServer.json(list).get("entries").get(0);
        assertEquals("worker1", entry.get("username").asText());
        assertEquals("127.0.0.1", entry.get("ip").asText());

        HttpResponse<String> csv = server.call("GET", "/api/admin/audit/export?action=resident_read").as(admin).send();
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("\uFEFFid,at,username,action,target_type,target_id,ip,detail", lines[0]);
        assertTrue(csv.body().contains(",worker1,resident_read,resident," + id + ",127.0.0.1,"), csv.body());

        assertTrue(Sql.one(db.dataSource(), "SELECT count(*) FROM audit_log WHERE action = 'audit_export' AND username = 'admin1'",
                rs -> rs.getLong(1)).orElseThrow() >= 1, "exporting the log is logged");
        var delete = assertThrows(Sql.DataAccessException.class,
                () -> Sql.update(db.dataSource(), "DELETE FROM audit_log"));
        assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
    }
}
