package org.partymap.wish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.Invariants;
import org.partymap.testing.MutableClock;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

/**
 * 微心愿 over HTTP against the real app: a wish goes from posted to claimed to fulfilled; a claim
 * by name and phone waits for the worker; of many claims at once exactly one wins; the wall holds
 * no byte of any resident's record nor of a claimant's; another grid's worker sees nothing; and
 * every bad request is refused and changes nothing. After every test: {@link Invariants#wishesKeepOneClaimant}.
 */
class WishIT {

    private static final String LIANHUA = "320902001001";
    private static final String GROUP = "莲花路社区第一网格第一党小组";

    private static Database db;
    private static MutableClock clock;
    private static TestServer server;
    private static int grid1;
    private static int grid3;
    private static int lianhua;
    private static Session worker;
    private static Session member;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.loadOtherSubdistrict(db);
        Fixtures.seedResidents(db);
        grid1 = Fixtures.id(db, "grid", Fixtures.GRID_1);
        grid3 = Fixtures.id(db, "grid", Fixtures.GRID_3);
        lianhua = Fixtures.id(db, "community", LIANHUA);
        Sql.update(db.dataSource(), "INSERT INTO party_group (grid_id, name, members) VALUES (?, ?, 12)", grid1, GROUP);
        TestAccounts.create(db, "grid1-worker", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "grid3-worker", Role.GRID_WORKER, Fixtures.GRID_3);
        TestAccounts.create(db, "planner", Role.PLANNER, Fixtures.SUBDISTRICT);
        TestAccounts.create(db, "member", Role.PARTY_MEMBER, GROUP);
        TestAccounts.create(db, "member2", Role.PARTY_MEMBER, GROUP);
        TestAccounts.create(db, "admin", Role.ADMIN);
        clock = MutableClock.at("2026-12-07T09:00");
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"), clock);
        worker = server.login("grid1-worker");
        member = server.login("member");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @AfterEach
    void invariantHolds() {
        assertEquals(List.of(), Invariants.wishesKeepOneClaimant(db.dataSource()));
    }

    private static Map<String, Object> wish(String title) {
        var body = new LinkedHashMap<String, Object>();
        body.put("grid", grid1);
        body.put("title", title);
        body.put("category", "repair");
        body.put("situation", "独居老人，腿脚不便，够不着顶灯");
        body.put("due_on", "2026-12-20");
        return body;
    }

    private static long posted(Map<String, Object> body) {
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> r = server.call("POST", "/api/wishes").as(worker).json(body).send();
        assertEquals(201, r.statusCode(), r.body());
        return TestServer.json(r).get("id").asLong();
    }

    private static HttpResponse<String> claim(Session who, long id, Object body) {
        return server.call("POST", "/api/wishes/" + id + "/claim").as(who).json(body).send();
    }

    private static JsonNode onWall(long id) {
        for (JsonNode w : server.ok("/api/communities/" + lianhua + "/wishes").get("wishes")) {
            if (w.get("id").asLong() == id) {
                return w;
            }
        }
        return null;
    }

    private static long rows(String sql) {
        return Sql.one(db.dataSource(), sql, rs -> rs.getLong(1)).orElseThrow();
    }

    @Test
    void aWishGoesFromPostedToClaimedByAPartyMemberToFulfilledAndTheWallSaysSo() {
        var body = wish("希望有人帮忙换灯泡");
        body.put("resident", Fixtures.residentId(db, "隐私甲一"));
        long id = posted(body);
        JsonNode open = onWall(id);
        assertEquals("open", open.get("status").asText());
        assertEquals("希望有人帮忙换灯泡", open.get("title").asText());
        assertEquals("修理帮忙", open.get("category_label").asText());
        assertEquals("第一网格", open.at("/grid/name").asText());
        assertEquals("2026-12-20", open.get("due_on").asText());

        clock.advance(Duration.ofHours(3));
        HttpResponse<String> claimed = claim(member, id, Map.of());
        assertEquals(200, claimed.statusCode(), claimed.body());
        JsonNode onWall = onWall(id);
        assertEquals("claimed", onWall.get("status").asText());
        assertTrue(onWall.get("confirmed").asBoolean());
        assertEquals(GROUP + "党员", onWall.get("claimed_by").asText());
        JsonNode mine = server.call("GET", "/api/wishes/mine").as(member).send().statusCode() == 200
                ? TestServer.json(server.call("GET", "/api/wishes/mine").as(member).send()) : null;
        assertTrue(mine != null && mine.get("wishes").findValues("id").stream().anyMatch(n -> n.asLong() == id), String.valueOf(mine));

        clock.advance(Duration.ofDays(2));
        HttpResponse<String> done = server.call("POST", "/api/wishes/" + id + "/fulfil").as(worker).json(Map.of("thanks", "灯亮了，谢谢党员同志！")).send();
        assertEquals(200, done.statusCode(), done.body());
        JsonNode fulfilled = onWall(id);
        assertEquals("fulfilled", fulfilled.get("status").asText());
        assertEquals("灯亮了，谢谢党员同志！", fulfilled.get("thanks").asText());
        assertEquals("2026-12-09", fulfilled.get("fulfilled_on").asText());

        JsonNode figures = server.ok("/api/communities/" + lianhua + "/wishes").get("figures");
        assertTrue(figures.get("fulfilled").asLong() >= 1 && figures.get("posted").asLong() >= figures.get("fulfilled").asLong(), figures.toString());
        List<Double> days = Sql.list(db.dataSource(), "SELECT extract(epoch FROM fulfilled_at - posted_at) / 86400 FROM wish WHERE status = 'fulfilled'"
                + " ORDER BY 1", rs -> rs.getDouble(1));
        double median = days.size() % 2 == 1 ? days.get(days.size() / 2) : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2;
        assertEquals(median, figures.get("median_days_to_fulfil").asDouble(), 1e-6, figures.toString());
        assertEquals(days.size(), figures.get("fulfilled").asInt());
        assertEquals(1, rows("SELECT count(*) FROM audit_log WHERE action = 'wish_fulfil' AND target_id = '" + id + "'"));
    }

    @Test
    void aClaimByNameAndPhoneWaitsForTheWorkerWhoSeesTheClaimantAndMayReleaseIt() {
        long id = posted(wish("希望有人陪同去医院复查"));
        HttpResponse<String> r = claim(null, id, Map.of("name", "热心的李阿姨", "phone", "139 1234 5678"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode wall = onWall(id);
        assertEquals("热心居民", wall.get("claimed_by").asText());
        assertFalse(wall.get("confirmed").asBoolean());
        String wallText = server.get("/api/communities/" + lianhua + "/wishes").body();
        assertFalse(wallText.contains("李阿姨") || wallText.contains("13912345678"), "the claimant is private");

        JsonNode staff = staffWish(worker, id);
        assertEquals("热心的李阿姨", staff.at("/claimant/name").asText());
        assertEquals("13912345678", staff.at("/claimant/phone").asText());
        JsonNode planners = staffWish(server.login("planner"), id);
        assertTrue(planners.get("claimant").isNull() && planners.get("resident").isNull(), "planners see no private part: " + planners);

        assertEquals(200, server.call("POST", "/api/wishes/" + id + "/release").as(worker).send().statusCode());
        assertEquals("open", onWall(id).get("status").asText());
        assertEquals(0, rows("SELECT count(*) FROM wish WHERE id = " + id + " AND claimant_phone IS NOT NULL"), "a released claim forgets the phone");
        assertEquals(200, claim(null, id, Map.of("name", "王师傅", "phone", "0515-88886666")).statusCode());
        assertEquals(200, server.call("POST", "/api/wishes/" + id + "/confirm").as(worker).send().statusCode());
        assertTrue(onWall(id).get("confirmed").asBoolean());
        assertEquals(409, server.call("POST", "/api/wishes/" + id + "/confirm").as(worker).send().statusCode(), "confirmed once");
    }

    private static JsonNode staffWish(Session who, long id) {
        HttpResponse<String> r = server.call("GET", "/api/wishes?limit=500").as(who).send();
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode w : TestServer.json(r).get("wishes")) {
            if (w.get("id").asLong() == id) {
                return w;
            }
        }
        throw new AssertionError("wish " + id + " is not in the list of " + who);
    }

    @Test
    void ofSixteenClaimsSentAtOnceExactlyOneWins() throws Exception {
        long id = posted(wish("希望有人帮忙修理漏水的水龙头"));
        Session other = server.login("member2");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        var start = new CountDownLatch(1);
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var futures = new ArrayList<Future<Integer>>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                try {
                    start.await();
                    return n % 4 == 0 ? claim(n % 8 == 0 ? member : other, id, Map.of()).statusCode()
                            : claim(null, id, Map.of("name", "居民" + n, "phone", "1390000" + String.format("%04d", n))).statusCode();
                } catch (Throwable t) {
                    failures.add(t);
                    return -1;
                }
            }));
        }
        start.countDown();
        var statuses = new HashMap<Integer, Integer>();
        for (Future<Integer> f : futures) {
            statuses.merge(f.get(30, TimeUnit.SECONDS), 1, Integer::sum);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(Map.of(200, 1, 409, 15), statuses);
        assertEquals(1, rows("SELECT count(*) FROM audit_log WHERE action = 'wish_claim' AND target_id = '" + id + "'"));
        assertEquals(409, claim(member, id, Map.of()).statusCode(), "a second claim later is refused too");
    }

    @Test
    void theWallNeverShowsAByteOfAnyResidentsRecordNorOfAClaimant() {
        for (var r : Fixtures.RESIDENTS.stream().filter(x -> x.gridCode().equals(Fixtures.GRID_1)).toList()) {
            var body = wish("希望有人帮忙代买米面油");
            body.put("category", "errand");
            body.put("resident", Fixtures.residentId(db, r.name()));
            long id = posted(body);
            if (r.name().endsWith("二")) {
                assertEquals(200, claim(null, id, Map.of("name", "认领人乙", "phone", "13800001111")).statusCode());
            } else if (r.name().endsWith("三")) {
                assertEquals(200, claim(member, id, Map.of()).statusCode());
                assertEquals(200, server.call("POST", "/api/wishes/" + id + "/fulfil").as(worker).json(Map.of()).send().statusCode());
            }
        }
        String wall = server.get("/api/communities/" + lianhua + "/wishes").body();
        assertTrue(wall.contains("希望有人帮忙代买米面油"), "the wishes are there to check: " + wall);
        var leaks = new ArrayList<String>();
        for (var r : Fixtures.RESIDENTS) {
            for (String value : List.of(r.name(), r.phone(), r.idMasked(), r.address(), r.address().replaceAll("\\d+室$", ""))) {
                if (wall.contains(value)) {
                    leaks.add(value);
                }
            }
        }
        for (String claimant : List.of("认领人乙", "13800001111", "member", TestAccounts.PASSWORD)) {
            if (wall.contains(claimant)) {
                leaks.add(claimant);
            }
        }
        assertFalse(wall.contains("resident"), "no member names a resident");
        assertEquals(List.of(), leaks);
    }

    @Test
    void anotherGridsWorkerSeesNoneOfItsWishesAndCanChangeNothing() {
        long id = posted(wish("希望有人帮忙辅导孩子功课"));
        Session other = server.login("grid3-worker");
        HttpResponse<String> list = server.call("GET", "/api/wishes?limit=500").as(other).send();
        assertEquals(200, list.statusCode());
        assertFalse(TestServer.json(list).get("wishes").findValues("id").stream().anyMatch(n -> n.asLong() == id));
        assertEquals(1, rows("SELECT count(*) FROM audit_log WHERE action = 'wish_list' AND username = 'grid3-worker'"));
        assertEquals(200, claim(member, id, Map.of()).statusCode());
        for (String step : List.of("confirm", "release", "fulfil")) {
            assertEquals(404, server.call("POST", "/api/wishes/" + id + "/" + step).as(other).json(Map.of()).send().statusCode(), step);
        }
        assertEquals(404, server.call("DELETE", "/api/wishes/" + id).as(other).send().statusCode());
        assertEquals("claimed", onWall(id).get("status").asText());
    }

    @Test
    void badRequestsAreRefusedWithAProblemAndChangeNothing() {
        long id = posted(wish("希望有人帮忙疏通下水道"));
        long fulfilled = posted(wish("希望有人帮忙安装扶手"));
        assertEquals(200, claim(member, fulfilled, Map.of()).statusCode());
        assertEquals(200, server.call("POST", "/api/wishes/" + fulfilled + "/fulfil").as(worker).json(Map.of()).send().statusCode());
        String before = snapshot();

        var cases = new LinkedHashMap<String, Object[]>();
        cases.put("due in the past", new Object[] {worker, "POST", "/api/wishes", with("due_on", "2026-12-06"), 422});
        cases.put("due in two years", new Object[] {worker, "POST", "/api/wishes", with("due_on", "2028-12-06"), 422});
        cases.put("not a date", new Object[] {worker, "POST", "/api/wishes", with("due_on", "12月20日"), 400});
        cases.put("a grid one does not serve", new Object[] {worker, "POST", "/api/wishes", with("grid", grid3), 403});
        cases.put("no such grid", new Object[] {worker, "POST", "/api/wishes", with("grid", 999_999), 404});
        cases.put("a resident of another grid", new Object[] {worker, "POST", "/api/wishes",
                with("resident", Fixtures.residentId(db, "隐私丙一")), 404});
        cases.put("a phone in the title", new Object[] {worker, "POST", "/api/wishes", with("title", "换灯泡请打13912345678"), 422});
        cases.put("a resident's name", new Object[] {worker, "POST", "/api/wishes", with("situation", "隐私甲四家的灯坏了"), 422});
        cases.put("a house number", new Object[] {worker, "POST", "/api/wishes", with("situation", "莲花路12号的老人需要帮忙"), 422});
        cases.put("a link", new Object[] {worker, "POST", "/api/wishes", with("title", "详见 www.example.com"), 400});
        cases.put("markup", new Object[] {worker, "POST", "/api/wishes", with("title", "<b>换灯泡</b>"), 400});
        cases.put("an unknown category", new Object[] {worker, "POST", "/api/wishes", with("category", "money"), 400});
        cases.put("an unknown field", new Object[] {worker, "POST", "/api/wishes", with("reward", 100), 400});
        cases.put("a planner posts", new Object[] {server.login("planner"), "POST", "/api/wishes", wish("希望有人帮忙"), 403});
        cases.put("a party member posts", new Object[] {member, "POST", "/api/wishes", wish("希望有人帮忙"), 403});
        cases.put("a claim without a phone", new Object[] {null, "POST", "/api/wishes/" + id + "/claim", Map.of("name", "张三"), 400});
        cases.put("a claim with a bad phone", new Object[] {null, "POST", "/api/wishes/" + id + "/claim", Map.of("name", "张三", "phone", "12"), 400});
        cases.put("a claim of a fulfilled wish", new Object[] {member, "POST", "/api/wishes/" + fulfilled + "/claim", Map.of(), 409});
        cases.put("a claim of no wish", new Object[] {member, "POST", "/api/wishes/99999999/claim", Map.of(), 404});
        cases.put("fulfilling an open wish", new Object[] {worker, "POST", "/api/wishes/" + id + "/fulfil", Map.of(), 409});
        cases.put("a thank-you with a phone", new Object[] {worker, "POST", "/api/wishes/" + fulfilled + "/fulfil",
                Map.of("thanks", "致电 0515-88886666"), 422});
        cases.put("withdrawing a fulfilled wish", new Object[] {worker, "DELETE", "/api/wishes/" + fulfilled, null, 409});
        cases.put("a worker's own list of claims", new Object[] {worker, "GET", "/api/wishes/mine", null, 403});
        var wrong = new ArrayList<String>();
        cases.forEach((name, c) -> {
            var call = server.call((String) c[1], (String) c[2]).as((Session) c[0]);
            if (c[3] != null) {
                call.json(c[3]);
            }
            HttpResponse<String> r = call.send();
            if (r.statusCode() != (int) c[4] || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                wrong.add(name + ": " + r.statusCode() + " " + r.body());
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals(before, snapshot(), "refused requests change nothing");
    }

    private static Map<String, Object> with(String key, Object value) {
        var body = wish("希望有人帮忙换灯泡");
        body.put(key, value);
        return body;
    }

    private static String snapshot() {
        return Sql.list(db.dataSource(), "SELECT to_jsonb(w)::text FROM wish w ORDER BY id", rs -> rs.getString(1)).toString();
    }

    @Test
    void theWallIsKeptBytesWithAStrongTagThatMovesWithAChange() {
        HttpResponse<String> first = server.get("/api/communities/" + lianhua + "/wishes");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/communities/" + lianhua + "/wishes"))
                .header("If-None-Match", etag).GET().build());
        assertEquals(304, again.statusCode());
        posted(wish("希望有人教我用智能手机"));
        String moved = server.get("/api/communities/" + lianhua + "/wishes").headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, moved);
        assertEquals(404, server.get("/api/communities/999999/wishes").statusCode());
        List<String> order = new ArrayList<>();
        server.ok("/api/communities/" + lianhua + "/wishes").get("wishes").forEach(w -> order.add(w.get("status").asText()));
        List<String> sorted = new ArrayList<>(order);
        Collections.sort(sorted, java.util.Comparator.comparingInt(List.of("open", "claimed", "fulfilled")::indexOf));
        assertEquals(sorted, order, "open first, then claimed, then fulfilled");
    }
}
