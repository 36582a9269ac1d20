package org.partymap.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Invariants;
import org.partymap.testing.Fixtures;
import org.partymap.testing.MutableClock;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

/**
 * 走访 against the real server and database at Monday 2026-12-07, 09:00 in Shanghai, with the
 * cadence 独居老人 7 days, 空巢老人 14, 残疾人 30 and no cadence for other tags. Grid 1 has five
 * care households (莲花路12号101室 甲一 独居老人, 12号102室 甲二, 14号201室 甲三 残疾人 and 空巢老人,
 * 14号202室 甲四, 16号301室 甲五, the others 空巢老人) and one without a tag (甲六); 莲花路18号 holds
 * a veteran whose tag has no cadence here; grid 3 has two. Each test starts with no visits and
 * ends by checking that every visit sits in its resident's household.
 */
class CareIT {

    private static final String CADENCE = "独居老人=7,空巢老人=14,残疾人=30";
    private static final String NOTE = "老人身体尚好，提醒按时服药";
    private static final String NEEDS = "希望有人帮忙修理厨房水龙头";

    private static Database db;
    private static TestServer server;
    private static final MutableClock clock = MutableClock.at("2026-12-07T09:00");
    private static Session worker1;
    private static Session worker3;
    private static Session lianhuaStaff;
    private static Session planner1;
    private static Session planner2;
    private static Session admin;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.loadOtherSubdistrict(db);
        Fixtures.seedResidents(db);
        Sql.update(db.dataSource(), "UPDATE resident SET care_tags = '{独居老人}' WHERE name = '隐私甲一'");
        Sql.update(db.dataSource(), "UPDATE resident SET care_tags = '{残疾人,空巢老人}' WHERE name = '隐私甲三'");
        Sql.update(db.dataSource(), """
                INSERT INTO resident (name, phone, address_text, care_tags, grid_id, match_level, imported_by, geom)
                SELECT '隐私甲七', '10099990000', '莲花路18号101室', '{退役军人}', id, 'address', 'fixtures',
                       ST_SetSRID(ST_MakePoint(120.145, 33.385), 4326) FROM grid WHERE code = ?""", Fixtures.GRID_1);
        TestAccounts.create(db, "worker1", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "worker3", Role.GRID_WORKER, Fixtures.GRID_3);
        TestAccounts.create(db, "lianhua-staff", Role.GRID_WORKER, Fixtures.GRID_1.substring(0, 12));
        TestAccounts.create(db, "planner1", Role.PLANNER, Fixtures.SUBDISTRICT);
        TestAccounts.create(db, "planner2", Role.PLANNER, Fixtures.OTHER_SUBDISTRICT);
        TestAccounts.create(db, "admin1", Role.ADMIN);
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0", "PARTYMAP_CARE_CADENCE", CADENCE), clock);
        worker1 = server.login("worker1");
        worker3 = server.login("worker3");
        lianhuaStaff = server.login("lianhua-staff");
        planner1 = server.login("planner1");
        planner2 = server.login("planner2");
        admin = server.login("admin1");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @BeforeEach
    void noVisitsAtMondayNine() {
        Sql.update(db.dataSource(), "DELETE FROM care_visit");
        clock.set(MutableClock.at("2026-12-07T09:00").instant());
    }

    @AfterEach
    void everyVisitSitsInItsResidentsHouseholdUnderItsOwnKey() {
        assertEquals(List.of(), Invariants.visitsSitInTheirHouseholds(db.dataSource()));
    }

    static long visits() {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM care_visit", rs -> rs.getLong(1)).orElseThrow();
    }

    static long resident(String name) {
        return Fixtures.residentId(db, name);
    }

    static Map<String, Object> visit(String key, Object resident, String kind, String on, String note, String needs) {
        var body = new LinkedHashMap<String, Object>();
        body.put("client_key", key);
        body.put("resident", resident);
        body.put("kind", kind);
        body.put("visited_on", on);
        if (note != null) {
            body.put("note", note);
        }
        if (needs != null) {
            body.put("needs", needs);
        }
        return body;
    }

    static HttpResponse<String> send(Session who, Object body) {
        return server.call("POST", "/api/care/visits").as(who).json(body).send();
    }

    static JsonNode stored(Session who, Object body) {
        HttpResponse<String> r = send(who, body);
        assertEquals(201, r.statusCode(), r.body());
        return TestServer.json(r);
    }

    static JsonNode get(Session who, String path) {
        HttpResponse<String> r = server.call("GET", path).as(who).send();
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return TestServer.json(r);
    }

    static List<String> addresses(JsonNode page) {
        var out = new ArrayList<String>();
        page.get("households").forEach(h -> out.add(h.get("address").asText()));
        return out;
    }

    static JsonNode household(JsonNode page, String address) {
        for (JsonNode h : page.get("households")) {
            if (h.get("address").asText().equals(address)) {
                return h;
            }
        }
        throw new AssertionError("no household at " + address + " in " + page);
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void theListPutsNeverVisitedThenOverdueHouseholdsFirstThenTheRestByDueDay() {
        stored(worker1, visit(key(), resident("隐私甲一"), "home", "2026-11-20", NOTE, null));
        stored(worker1, visit(key(), resident("隐私甲二"), "phone", "2026-12-01", "电话问候，子女周末回来", null));
        stored(worker1, visit(key(), resident("隐私甲三"), "home", "2026-11-03", null, null));
        stored(worker1, visit(key(), resident("隐私甲三"), "errand", "2026-11-10", "代购药品", NEEDS));
        stored(worker1, visit(key(), resident("隐私甲五"), "home", "2026-11-30", null, null));

        JsonNode page = get(worker1, "/api/care/households");
        assertEquals("2026-12-07", page.get("today").asText());
        assertEquals(List.of("莲花路14号202室", "莲花路14号201室", "莲花路12号101室", "莲花路16号301室", "莲花路12号102室"), addresses(page),
                "never visited, then overdue by due day, then due by due day; no household of another grid, none without a cadence");
        assertEquals(5, page.get("total").asInt());

        JsonNode never = household(page, "莲花路14号202室");
        assertTrue(never.get("overdue").asBoolean());
        assertTrue(never.get("last_visit").isNull());
        assertTrue(never.get("due_on").isNull());
        JsonNode alone = household(page, "莲花路12号101室");
        assertEquals(7, alone.get("cadence_days").asInt());
        assertEquals("2026-11-27", alone.get("due_on").asText());
        assertEquals(10, alone.get("days_overdue").asInt());
        assertEquals("home", alone.at("/last_visit/kind").asText());
        assertEquals("隐私甲一", alone.at("/residents/0/name").asText());
        assertEquals("独居老人", alone.at("/residents/0/tags/0").asText());
        assertEquals(Fixtures.GRID_1, alone.at("/grid/code").asText());
        JsonNode twoTags = household(page, "莲花路14号201室");
        assertEquals(14, twoTags.get("cadence_days").asInt(), "the shortest cadence of the household's tags");
        assertEquals("2026-11-10", twoTags.at("/last_visit/visited_on").asText(), "the last visit, not the first");
        assertEquals("errand", twoTags.at("/last_visit/kind").asText());
        assertEquals(13, twoTags.get("days_overdue").asInt());
        JsonNode onTime = household(page, "莲花路12号102室");
        assertFalse(onTime.get("overdue").asBoolean());
        assertEquals(0, onTime.get("days_overdue").asInt());
        assertEquals("2026-12-15", onTime.get("due_on").asText());

        clock.advance(java.time.Duration.ofDays(8)); // 12-15: 102室 due today is still on time, 301室 (due 12-14) is overdue
        JsonNode later = get(worker1, "/api/care/households");
        assertFalse(household(later, "莲花路12号102室").get("overdue").asBoolean());
        assertEquals(1, household(later, "莲花路16号301室").get("days_overdue").asInt());

        JsonNode paged = get(worker1, "/api/care/households?limit=2&offset=1");
        assertEquals(List.of("莲花路14号201室", "莲花路12号101室"), addresses(paged));
        assertEquals(5, paged.get("total").asInt());
    }

    @Test
    void theCadenceComesFromTheConfigurationAndAStarEntryTakesInEveryOtherTag() {
        try (TestServer other = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0", "PARTYMAP_CARE_CADENCE", "独居老人=3,*=60"), clock)) {
            Session w = other.login("worker1");
            HttpResponse<String> r = other.call("GET", "/api/care/households").as(w).send();
            assertEquals(200, r.statusCode(), r.body());
            JsonNode page = TestServer.json(r);
            assertEquals(6, page.get("total").asInt(), "the veteran's household takes the * cadence");
            assertEquals(3, household(page, "莲花路12号101室").get("cadence_days").asInt());
            assertEquals(60, household(page, "莲花路18号101室").get("cadence_days").asInt());
            assertEquals(60, household(page, "莲花路14号201室").get("cadence_days").asInt(), "残疾人 and 空巢老人 both fall under *");
            HttpResponse<String> veteran = other.call("POST", "/api/care/visits").as(w)
                    .json(visit(key(), resident("隐私甲七"), "phone", "2026-12-06", null, null)).send();
            assertEquals(201, veteran.statusCode(), veteran.body());
        }
        // under the cadence of the main server the veteran's household takes no visits
        HttpResponse<String> r = send(worker1, visit(key(), resident("隐私甲七"), "phone", "2026-12-06", null, null));
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("not-care-household"), r.body());
        assertFalse(addresses(get(worker1, "/api/care/households")).contains("莲花路18号101室"));
        assertEquals(1, visits());
    }

    @Test
    void sendingTheSameVisitAgainAnswersTheStoredOneAndStoresNothing() {
        String key = key();
        var body = visit(key, resident("隐私甲二"), "home", "2026-12-06", NOTE, NEEDS);
        JsonNode first = stored(worker1, body);
        assertEquals(key, first.get("client_key").asText());
        assertEquals(NOTE, first.get("note").asText());
        assertEquals("worker1", first.get("recorded_by").asText());
        HttpResponse<String> again = send(worker1, body);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(first, TestServer.json(again));
        clock.advance(java.time.Duration.ofDays(120)); // a phone that comes back after months: the stored visit, not a refusal
        assertEquals(200, send(worker1, body).statusCode());
        assertEquals(1, visits());
    }

    @Test
    void eightConcurrentSendsOfOneVisitStoreItOnce() throws Exception {
        var body = visit(key(), resident("隐私甲四"), "home", "2026-12-07", NOTE, null);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var ready = new CountDownLatch(threads);
        var go = new CountDownLatch(1);
        var statuses = new ConcurrentLinkedQueue<Integer>();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        try {
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    try {
                        ready.countDown();
                        go.await();
                        statuses.add(send(worker1, body).statusCode());
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                });
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
        if (!failures.isEmpty()) {
            fail("a sender failed: " + failures.peek(), failures.peek());
        }
        assertEquals(threads, statuses.size());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(threads - 1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, visits());
    }

    @Test
    void aUsedKeyWithAnotherVisitIsAConflictAndChangesNothing() {
        String key = key();
        stored(worker1, visit(key, resident("隐私甲二"), "home", "2026-12-06", NOTE, null));
        for (var other : List.of(visit(key, resident("隐私甲二"), "phone", "2026-12-06", NOTE, null),
                visit(key, resident("隐私甲二"), "home", "2026-12-05", NOTE, null),
                visit(key, resident("隐私甲一"), "home", "2026-12-06", NOTE, null),
                visit(key, resident("隐私甲二"), "home", "2026-12-06", "另一条记录", null),
                visit(key, resident("隐私甲二"), "home", "2026-12-06", NOTE, NEEDS))) {
            HttpResponse<String> r = send(worker1, other);
            assertEquals(409, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        // someone who does not serve the household learns nothing of it under the key either
        HttpResponse<String> stranger = send(worker3, visit(key, resident("隐私甲二"), "home", "2026-12-06", NOTE, null));
        assertEquals(409, stranger.statusCode(), stranger.body());
        assertFalse(stranger.body().contains(NOTE));
        assertEquals(1, visits());
        assertEquals(NOTE, Sql.text(db.dataSource(), "SELECT note FROM care_visit").orElseThrow());
    }

    @Test
    void everyBadVisitIsRefusedWithAProblemAndStoresNothing() {
        long care = resident("隐私甲二");
        var cases = new LinkedHashMap<String, Object[]>();
        cases.put("a day after today", new Object[] {422, visit(key(), care, "home", "2026-12-08", null, null)});
        cases.put("91 days back", new Object[] {422, visit(key(), care, "home", "2026-09-07", null, null)});
        cases.put("an unknown kind", new Object[] {400, visit(key(), care, "visit", "2026-12-07", null, null)});
        cases.put("another grid's resident", new Object[] {404, visit(key(), resident("隐私丙一"), "home", "2026-12-07", null, null)});
        cases.put("no such resident", new Object[] {404, visit(key(), 987654321L, "home", "2026-12-07", null, null)});
        cases.put("a resident without care tags", new Object[] {422, visit(key(), resident("隐私甲六"), "home", "2026-12-07", null, null)});
        cases.put("a note of 501 characters", new Object[] {400, visit(key(), care, "home", "2026-12-07", "记".repeat(501), null)});
        cases.put("needs of 301 characters", new Object[] {400, visit(key(), care, "home", "2026-12-07", null, "需".repeat(301))});
        cases.put("markup in a note", new Object[] {400, visit(key(), care, "home", "2026-12-07", "<script>alert(1)</script>", null)});
        cases.put("a control character", new Object[] {400, visit(key(), care, "home", "2026-12-07", "a\u0007b", null)});
        cases.put("a key that is no UUID", new Object[] {400, visit("not-a-uuid", care, "home", "2026-12-07", null, null)});
        cases.put("a key with braces", new Object[] {400, visit("{" + key() + "}", care, "home", "2026-12-07", null, null)});
        cases.put("a day that does not exist", new Object[] {400, visit(key(), care, "home", "2026-02-30", null, null)});
        cases.put("a day written otherwise", new Object[] {400, visit(key(), care, "home", "07/12/2026", null, null)});
        cases.put("a fractional resident", new Object[] {400, visit(key(), 1.5, "home", "2026-12-07", null, null)});
        var noKey = visit(key(), care, "home", "2026-12-07", null, null);
        noKey.remove("client_key");
        cases.put("no key", new Object[] {400, noKey});
        var extra = visit(key(), care, "home", "2026-12-07", null, null);
        extra.put("grid", 1);
        cases.put("an unknown member", new Object[] {400, extra});
        var textResident = visit(key(), care, "home", "2026-12-07", null, null);
        textResident.put("resident", "12");
        cases.put("a resident as text", new Object[] {400, textResident});
        cases.put("broken JSON", new Object[] {400, "{\"client_key\": "});
        cases.put("an array", new Object[] {400, "[]"});
        long before = visits();
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = send(worker1, c.getValue()[1]);
            assertEquals(c.getValue()[0], r.statusCode(), c.getKey() + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), c.getKey());
            assertFalse(TestServer.json(r).path("detail").asText().isBlank(), c.getKey());
        }
        HttpResponse<String> form = server.call("POST", "/api/care/visits").as(worker1)
                .body("client_key=x".getBytes(), "application/x-www-form-urlencoded").send();
        assertEquals(415, form.statusCode(), form.body());
        assertEquals(before, visits());
        // the edges themselves pass: today and exactly 90 days back
        stored(worker1, visit(key(), care, "home", "2026-12-07", null, null));
        stored(worker1, visit(key(), care, "phone", "2026-09-08", null, null));
        assertEquals(before + 2, visits());
    }

    @Test
    void aHouseholdReadShowsTheNotesToItsGridAndIsAuditedWhileAnotherGridGetsNotFound() {
        long id = resident("隐私甲三");
        stored(worker1, visit(key(), id, "errand", "2026-12-02", "代购药品", NEEDS));
        long auditBefore = audits("care_household_read");
        JsonNode read = get(worker1, "/api/care/residents/" + id);
        assertEquals("莲花路14号201室", read.at("/household/address").asText());
        assertEquals("代购药品", read.at("/visits/0/note").asText());
        assertEquals(NEEDS, read.at("/visits/0/needs").asText());
        assertEquals("隐私甲三", read.at("/visits/0/resident/name").asText());
        assertEquals(auditBefore + 1, audits("care_household_read"));

        long deniedBefore = audits("care_household_read_denied");
        HttpResponse<String> other = server.call("GET", "/api/care/residents/" + id).as(worker3).send();
        assertEquals(404, other.statusCode(), other.body());
        assertFalse(other.body().contains("代购药品") || other.body().contains("莲花路"), other.body());
        assertEquals(deniedBefore + 1, audits("care_household_read_denied"));
        assertEquals(404, server.call("GET", "/api/care/residents/987654321").as(worker1).send().statusCode());
        assertEquals(404, server.call("GET", "/api/care/residents/" + resident("隐私甲六")).as(worker1).send().statusCode(),
                "a household without care tags is no care household");
        assertEquals(400, server.call("GET", "/api/care/residents/abc").as(worker1).send().statusCode());
        assertEquals(200, server.call("GET", "/api/care/residents/" + id).as(admin).send().statusCode());
        assertEquals(200, server.call("GET", "/api/care/residents/" + id).as(lianhuaStaff).send().statusCode(), "community staff serve its grids");
    }

    @Test
    void theListIsAuditedAndScopedToTheGridsOneServes() {
        long before = audits("care_list");
        get(worker1, "/api/care/households");
        assertEquals(before + 1, audits("care_list"));
        assertEquals("5", Sql.text(db.dataSource(), "SELECT detail->>'returned' FROM audit_log WHERE action = 'care_list' ORDER BY id DESC LIMIT 1")
                .orElseThrow());
        assertEquals(List.of("健康路3号101室", "健康路3号102室"), addresses(get(worker3, "/api/care/households")));
        int grid3 = Fixtures.id(db, "grid", Fixtures.GRID_3);
        HttpResponse<String> r = server.call("GET", "/api/care/households?grid=" + grid3).as(worker1).send();
        assertEquals(403, r.statusCode(), r.body());
        assertEquals(7, get(admin, "/api/care/households").get("total").asInt());
        assertEquals(2, get(admin, "/api/care/households?grid=" + grid3).get("total").asInt());
        assertEquals(5, get(lianhuaStaff, "/api/care/households").get("total").asInt());
        assertEquals(400, server.call("GET", "/api/care/households?grid=x").as(worker1).send().statusCode());
        assertEquals(403, server.call("GET", "/api/care/households").as(planner1).send().statusCode(), "planners see no household");
    }

    @Test
    void coverageCountsHouseholdsOnTimeAndOverduePerGridWithoutNamesNotesOrNeeds() {
        stored(worker1, visit(key(), resident("隐私甲一"), "home", "2026-11-20", NOTE, NEEDS)); // overdue (7 days)
        stored(worker1, visit(key(), resident("隐私甲二"), "phone", "2026-12-01", NOTE, NEEDS)); // on time
        stored(worker1, visit(key(), resident("隐私甲五"), "home", "2026-12-07", NOTE, NEEDS)); // on time
        stored(worker3, visit(key(), resident("隐私丙一"), "home", "2026-12-03", NOTE, NEEDS)); // on time
        int lianhua = Fixtures.id(db, "community", Fixtures.GRID_1.substring(0, 12));
        int subdistrict = Fixtures.id(db, "subdistrict", Fixtures.SUBDISTRICT);

        HttpResponse<String> r = server.call("GET", "/api/care/coverage?community=" + lianhua).as(lianhuaStaff).send();
        assertEquals(200, r.statusCode(), r.body());
        assertNoPerson(r.body());
        JsonNode c = TestServer.json(r);
        assertEquals(2, c.get("grids").size(), "both grids of 莲花路社区, the second with no care household");
        JsonNode g1 = c.get("grids").get(0);
        assertEquals(Fixtures.GRID_1, g1.get("code").asText());
        assertEquals(5, g1.get("households").asInt());
        assertEquals(2, g1.get("on_time").asInt());
        assertEquals(3, g1.get("overdue").asInt());
        assertEquals(2, g1.get("never_visited").asInt());
        assertEquals(0.4, g1.get("share_on_time").asDouble(), 1e-9);
        JsonNode g2 = c.get("grids").get(1);
        assertEquals(0, g2.get("households").asInt());
        assertTrue(g2.get("share_on_time").isNull());
        assertEquals(5, c.at("/total/households").asInt());
        assertEquals(2, c.at("/total/on_time").asInt());

        HttpResponse<String> whole = server.call("GET", "/api/care/coverage?subdistrict=" + subdistrict).as(planner1).send();
        assertEquals(200, whole.statusCode(), whole.body());
        assertNoPerson(whole.body());
        JsonNode s = TestServer.json(whole);
        assertEquals(4, s.at("/total/grids").asInt());
        assertEquals(7, s.at("/total/households").asInt());
        assertEquals(3, s.at("/total/on_time").asInt());
        assertEquals(4, s.at("/total/overdue").asInt());
        assertEquals(0.429, s.at("/total/share_on_time").asDouble(), 1e-9);

        assertEquals(200, server.call("GET", "/api/care/coverage?community=" + lianhua).as(admin).send().statusCode());
        assertEquals(403, server.call("GET", "/api/care/coverage?community=" + lianhua).as(worker1).send().statusCode(),
                "a grid's worker is not the community's staff");
        assertEquals(403, server.call("GET", "/api/care/coverage?subdistrict=" + subdistrict).as(planner2).send().statusCode());
        assertEquals(403, server.call("GET", "/api/care/coverage?subdistrict=" + subdistrict).as(lianhuaStaff).send().statusCode());
        assertEquals(404, server.call("GET", "/api/care/coverage?community=999999").as(admin).send().statusCode());
        assertEquals(400, server.call("GET", "/api/care/coverage").as(admin).send().statusCode());
        assertEquals(400, server.call("GET", "/api/care/coverage?community=" + lianhua + "&subdistrict=" + subdistrict).as(admin).send().statusCode());
    }

    private static void assertNoPerson(String body) {
        for (String secret : List.of(NOTE, NEEDS, "隐私", "莲花路1", "健康路3", "note", "needs", "name\":\"隐")) {
            assertFalse(body.contains(secret), "coverage shows " + secret + ": " + body);
        }
    }

    private static long audits(String action) {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM audit_log WHERE action = ?", rs -> rs.getLong(1), action).orElseThrow();
    }
}
