package org.partymap.consult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * 社区通 through HTTP against the real database, on a clock the test moves: routing by place,
 * the clock in service hours (out of hours, over lunch), escalation to the community and the
 * subdistrict, answers, transfers, follow-ups, the resident's private link, scope and bad input.
 *
 * <p>Invariant, checked after every test: every question's history starts with its asking; a
 * question is answered exactly when it has an answer event, and its first answer time is that of
 * its first answer event; a question's escalation is the highest its events record.
 */
class ConsultIT {

    /** Monday 7 December 2026, 09:00 in Shanghai: a working day. */
    private static final String MONDAY_9 = "2026-12-07T09:00";

    private static Database db;
    private static TestServer server;
    private static final MutableClock clock = MutableClock.at(MONDAY_9);
    private static int grid1;
    private static int grid2;
    private static int grid3;
    private static double[] inGrid1;
    private static Session worker1;
    private static Session worker2;
    private static Session worker3;
    private static Session community;
    private static Session planner;
    private static Session admin;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.loadOtherSubdistrict(db);
        grid1 = Fixtures.id(db, "grid", Fixtures.GRID_1);
        grid2 = Fixtures.id(db, "grid", "320902001001002");
        grid3 = Fixtures.id(db, "grid", Fixtures.GRID_3);
        inGrid1 = pointIn(Fixtures.GRID_1);
        TestAccounts.create(db, "c-worker1", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "c-worker2", Role.GRID_WORKER, "320902001001002");
        TestAccounts.create(db, "c-worker3", Role.GRID_WORKER, Fixtures.GRID_3);
        TestAccounts.create(db, "c-community", Role.GRID_WORKER, Fixtures.GRID_1.substring(0, 12));
        TestAccounts.create(db, "c-planner", Role.PLANNER, Fixtures.SUBDISTRICT);
        TestAccounts.create(db, "c-admin", Role.ADMIN);
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0", "PARTYMAP_CONSULT_POSTS_PER_HOUR", "0"), clock);
        worker1 = server.login("c-worker1");
        worker2 = server.login("c-worker2");
        worker3 = server.login("c-worker3");
        community = server.login("c-community");
        planner = server.login("c-planner");
        admin = server.login("c-admin");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @BeforeEach
    void monday() {
        clock.set(MutableClock.at(MONDAY_9).instant());
    }

    @AfterEach
    void everyQuestionsHistoryAgreesWithItsState() {
        List<String> broken = Invariants.questionsAgreeWithTheirHistory(db.dataSource());
        assertEquals(List.of(), broken);
    }

    private static double[] pointIn(String gridCode) {
        return Sql.one(db.dataSource(), "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) AS p FROM grid WHERE code = ?) x",
                rs -> new double[] {rs.getDouble(1), rs.getDouble(2)}, gridCode).orElseThrow();
    }

    private static HttpResponse<String> post(Session as, String path, Object body) {
        return server.call("POST", path).as(as).header("Origin", "http://127.0.0.1:" + server.port()).json(body).send();
    }

    private static JsonNode created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return TestServer.json(r);
    }

    /** A question at a point of grid 1; the answer of POST /api/questions. */
    private static JsonNode askGrid1(String text) {
        return created(post(null, "/api/questions", Map.of("topic", "政策咨询", "text", text, "lon", inGrid1[0], "lat", inGrid1[1],
                "phone", "13912345678")));
    }

    private static HttpResponse<String> mine(String token) {
        return server.call("GET", "/api/questions/mine").header("Authorization", "Bearer " + token).send();
    }

    /** A POST by the holder of a question's private link. */
    private static HttpResponse<String> byResident(String token, String path, Object body) {
        return server.call("POST", path).header("Authorization", "Bearer " + token)
                .header("Origin", "http://127.0.0.1:" + server.port()).json(body).send();
    }

    private static JsonNode inbox(Session as, String state) {
        HttpResponse<String> r = server.call("GET", "/api/inbox?state=" + state).as(as).send();
        assertEquals(200, r.statusCode(), r.body());
        return TestServer.json(r);
    }

    private static List<Long> inboxIds(Session as, String state) {
        var ids = new ArrayList<Long>();
        inbox(as, state).get("questions").forEach(q -> ids.add(q.get("id").asLong()));
        return ids;
    }

    private static int status(Session as, String method, String path) {
        return server.call(method, path).as(as).send().statusCode();
    }

    private static long count(String table) {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM " + table, rs -> rs.getLong(1)).orElseThrow();
    }

    @Test
    void aQuestionGoesToTheGridThatContainsItsPointAndItsLinkShowsTheGridLeader() {
        JsonNode asked = askGrid1("小区东门的路灯坏了一周，找谁修？");
        assertTrue(asked.get("link").asText().startsWith("/ask.html#t="));
        String token = asked.get("token").asText();
        JsonNode q = TestServer.json(mine(token));
        assertEquals(grid1, q.at("/grid/id").asInt());
        assertEquals("王丽", q.at("/grid/leader_name").asText());
        assertEquals("waiting", q.get("status").asText());
        assertEquals("asked", q.at("/messages/0/kind").asText());
        assertEquals("2026-12-07T09:00+08:00", q.at("/clock/start").asText());
        assertEquals("2026-12-07T09:15+08:00", q.at("/clock/due").asText(), "15 minutes of service time");
        assertFalse(q.at("/clock/started_out_of_hours").asBoolean());
        // only the hash is stored
        assertEquals(0L, Sql.one(db.dataSource(), "SELECT count(*) FROM question WHERE token_hash = ?", rs -> rs.getLong(1), token).orElseThrow());
        assertTrue(inboxIds(worker1, "waiting").contains(asked.get("id").asLong()));
    }

    @Test
    void aQuestionAskedOnSaturdayStartsItsClockOnMondayMorningAndOneBeforeLunchIsDueAfterIt() {
        clock.set(MutableClock.at("2026-12-05T10:00").instant());
        JsonNode saturday = askGrid1("周末问一下居住证怎么办理");
        assertEquals("2026-12-07T08:30+08:00", saturday.at("/question/clock/start").asText());
        assertEquals("2026-12-07T08:45+08:00", saturday.at("/question/clock/due").asText());
        assertTrue(saturday.at("/question/clock/started_out_of_hours").asBoolean());
        assertFalse(saturday.at("/question/clock/running").asBoolean());

        clock.set(MutableClock.at("2026-12-07T11:50").instant());
        JsonNode beforeLunch = askGrid1("中午前问：社保卡在哪里补办");
        assertEquals("2026-12-07T14:05+08:00", beforeLunch.at("/question/clock/due").asText(), "10 minutes before lunch, 5 after");

        // the form says when the clock starts
        clock.set(MutableClock.at("2026-12-05T10:00").instant());
        JsonNode form = server.ok("/api/grids/" + grid1 + "/ask");
        assertFalse(form.get("open_now").asBoolean());
        assertEquals("2026-12-07T08:30+08:00", form.get("clock_starts").asText());
        assertTrue(form.get("topics").toString().contains("政策咨询"));
        assertTrue(form.get("topics").toString().contains("矛盾纠纷调解"), "the grid leader's duties are topics");
    }

    @Test
    void anUnansweredQuestionClimbsToTheCommunityAfterItsTargetAndToTheSubdistrictAfterTwoHours() {
        long id = askGrid1("楼道里堆满杂物，消防通道被堵").get("id").asLong();
        assertFalse(inboxIds(community, "waiting").contains(id), "the community sees it only once it is late");
        assertEquals(404, status(community, "GET", "/api/questions/" + id));
        assertEquals(404, status(worker2, "GET", "/api/questions/" + id));

        clock.advance(Duration.ofMinutes(16));
        assertTrue(inboxIds(community, "waiting").contains(id));
        assertTrue(inboxIds(worker2, "waiting").contains(id), "every worker of the community's grids");
        assertFalse(inboxIds(worker3, "waiting").contains(id), "not another community's");
        assertFalse(inboxIds(planner, "waiting").contains(id));
        assertEquals(1, inbox(community, "waiting").get("questions").findValues("id").stream()
                .filter(n -> n.asLong() == id).count());

        clock.advance(Duration.ofMinutes(110)); // 9:00 + 126 min > 2 h of service time
        assertTrue(inboxIds(planner, "waiting").contains(id));
        JsonNode full = TestServer.json(server.call("GET", "/api/questions/" + id).as(planner).send());
        assertEquals(2, full.get("escalation").asInt());
        List<String> kinds = new ArrayList<>();
        full.get("events").forEach(e -> kinds.add(e.get("kind").asText() + (e.hasNonNull("escalation") ? e.get("escalation").asText() : "")));
        assertTrue(kinds.containsAll(List.of("asked", "escalated1", "escalated2", "seen")), kinds.toString());
        inbox(planner, "waiting");
        inbox(community, "waiting");
        assertEquals(1, Sql.one(db.dataSource(), "SELECT count(*) FROM question_event WHERE question_id = ? AND kind = 'escalated' AND escalation = 1",
                rs -> rs.getLong(1), id).orElseThrow(), "every read raises what is due, and only once");
    }

    @Test
    void theFirstAnswerStopsTheClockAndTheResidentSeesItWithTheWorkersName() {
        JsonNode asked = askGrid1("孩子上学的划片政策是什么？");
        long id = asked.get("id").asLong();
        String token = asked.get("token").asText();
        clock.advance(Duration.ofMinutes(5));
        JsonNode answered = created(post(worker1, "/api/questions/" + id + "/answers", Map.of("text", "请带户口本到社区党群服务中心咨询，电话 0515-00090001。")));
        assertEquals("answered", answered.get("status").asText());
        assertEquals(300, answered.at("/clock/service_seconds").asInt());
        clock.advance(Duration.ofMinutes(30));
        JsonNode q = TestServer.json(mine(token));
        assertEquals(300, q.at("/clock/service_seconds").asInt(), "stopped at the first answer");
        assertFalse(q.at("/clock/overdue").asBoolean());
        JsonNode answer = null;
        for (JsonNode m : q.get("messages")) {
            if (m.get("kind").asText().equals("answer")) {
                answer = m;
            }
        }
        assertNotNull(answer, q.toString());
        assertEquals("c-worker1", answer.get("author").asText());
        assertEquals("staff", answer.get("from").asText());
        assertTrue(inboxIds(worker1, "answered").contains(id));
        assertFalse(inboxIds(worker1, "waiting").contains(id));
    }

    @Test
    void theResidentFollowsUpAndSaysWhetherItIsSolved() {
        JsonNode asked = askGrid1("垃圾分类的投放时间？");
        long id = asked.get("id").asLong();
        String token = asked.get("token").asText();
        created(post(worker1, "/api/questions/" + id + "/answers", Map.of("text", "早7点到9点，晚6点到8点。")));
        var withToken = byResident(token, "/api/questions/mine/messages", Map.of("text", "周末也是这个时间吗？\n谢谢"));
        assertEquals(201, withToken.statusCode(), withToken.body());
        assertTrue(inboxIds(worker1, "answered").contains(id), "a follow-up on an answered question keeps it answered");
        var notSolved = byResident(token, "/api/questions/mine/resolution", Map.of("solved", false));
        assertEquals("waiting", TestServer.json(notSolved).get("status").asText(), "not solved: back to the waiting list");
        assertTrue(inboxIds(worker1, "waiting").contains(id));
        var solved = byResident(token, "/api/questions/mine/resolution", Map.of("solved", true));
        assertEquals("solved", TestServer.json(solved).get("status").asText());
        assertTrue(inboxIds(worker1, "solved").contains(id));
        JsonNode q = TestServer.json(mine(token));
        assertTrue(q.get("messages").toString().contains("周末也是这个时间吗？\\n谢谢"), "line breaks kept, as text");
    }

    @Test
    void aTransferredQuestionLeavesTheFirstGridAndKeepsItsClock() {
        JsonNode asked = askGrid1("我家其实在第二网格，门牌是莲花路30号");
        long id = asked.get("id").asLong();
        String due = asked.at("/question/clock/due").asText();
        clock.advance(Duration.ofMinutes(3));
        HttpResponse<String> r = post(worker1, "/api/questions/" + id + "/transfer", Map.of("grid", grid2, "reason", "地址属于第二网格"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(404, status(worker1, "GET", "/api/questions/" + id));
        assertTrue(inboxIds(worker2, "waiting").contains(id));
        JsonNode q = TestServer.json(mine(asked.get("token").asText()));
        assertEquals(grid2, q.at("/grid/id").asInt());
        assertEquals(due, q.at("/clock/due").asText(), "the clock does not restart");
        assertEquals(409, post(worker2, "/api/questions/" + id + "/transfer", Map.of("grid", grid2, "reason", "再转")).statusCode());
        assertEquals(422, post(worker2, "/api/questions/" + id + "/transfer", Map.of("grid", 999_999, "reason", "不存在")).statusCode());
    }

    @Test
    void anotherGridsWorkerGetsNotFoundAndCannotAnswerOrTransfer() {
        long id = askGrid1("电动车充电桩什么时候装？").get("id").asLong();
        assertEquals(404, status(worker3, "GET", "/api/questions/" + id));
        assertEquals(404, post(worker3, "/api/questions/" + id + "/answers", Map.of("text", "不是我的")).statusCode());
        assertEquals(404, post(worker3, "/api/questions/" + id + "/transfer", Map.of("grid", grid3, "reason", "抢过来")).statusCode());
        assertFalse(inboxIds(worker3, "waiting").contains(id));
        assertEquals(200, status(admin, "GET", "/api/questions/" + id));
        // the worker's read is audited, with the grid
        assertTrue(Sql.one(db.dataSource(), "SELECT count(*) FROM audit_log WHERE action = 'question_read' AND target_id = ?",
                rs -> rs.getLong(1), Long.toString(id)).orElseThrow() >= 1);
    }

    @Test
    void aTypedAddressIsGeocodedAndAWeakGuessIsRoutedButFlagged() {
        JsonNode exact = created(post(null, "/api/questions", Map.of("topic", "其他", "text", "按门牌问", "address", "盐城市亭湖区健康路15号")));
        assertEquals(grid3, exact.at("/question/grid/id").asInt(), exact.toString());
        JsonNode vague = created(post(null, "/api/questions", Map.of("topic", "其他", "text", "只写了路名", "address", "健康路")));
        assertTrue(vague.at("/question/place_uncertain").asBoolean(), vague.toString());
        assertEquals(422, post(null, "/api/questions", Map.of("topic", "其他", "text", "不存在的地址", "address", "火星路99999号")).statusCode());
    }

    @Test
    void badInputIsRefusedWithAReasonAndStoresNothing() {
        long questions = count("question");
        long events = count("question_event");
        var bad = new LinkedHashMap<String, Object>();
        bad.put("empty text", Map.of("topic", "其他", "text", " ", "grid", grid1));
        bad.put("too long", Map.of("topic", "其他", "text", "长".repeat(1001), "grid", grid1));
        bad.put("a link", Map.of("topic", "其他", "text", "加我 http://spam.example 领奖", "grid", grid1));
        bad.put("a bare domain", Map.of("topic", "其他", "text", "访问 xx.com 领奖", "grid", grid1));
        bad.put("a script", Map.of("topic", "其他", "text", "<script>alert(1)</script>", "grid", grid1));
        bad.put("a control character", Map.of("topic", "其他", "text", "bell\u0007", "grid", grid1));
        bad.put("a bad phone", Map.of("topic", "其他", "text", "问题", "grid", grid1, "phone", "12345"));
        bad.put("an unknown topic", Map.of("topic", "买彩票", "text", "问题", "grid", grid1));
        bad.put("no place", Map.of("topic", "其他", "text", "问题"));
        bad.put("half a point", Map.of("topic", "其他", "text", "问题", "lon", 120.1));
        bad.put("outside the grids", Map.of("topic", "其他", "text", "问题", "lon", 121.5, "lat", 31.2));
        bad.put("an unknown member", Map.of("topic", "其他", "text", "问题", "grid", grid1, "name", "x"));
        bad.put("a grid that does not exist", Map.of("topic", "其他", "text", "问题", "grid", 999_999));
        bad.put("not JSON", "{\"topic\": ");
        var wrong = new ArrayList<String>();
        bad.forEach((what, body) -> {
            HttpResponse<String> r = post(null, "/api/questions", body);
            if (r.statusCode() < 400 || r.statusCode() >= 500 || !r.body().contains("detail")) {
                wrong.add(what + ": " + r.statusCode() + " " + r.body());
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals(questions, count("question"));
        assertEquals(events, count("question_event"));
    }

    @Test
    void aPrivateLinkOpensOnlyItsOwnQuestion() {
        askGrid1("我的问题");
        assertEquals(401, server.call("GET", "/api/questions/mine").send().statusCode());
        assertEquals(401, server.call("GET", "/api/questions/mine").header("Authorization", "Bearer short").send().statusCode());
        assertEquals(404, mine("AAAAAAAAAAAAAAAAAAAAAA").statusCode());
    }

    @Test
    void thePublicFiguresOfACommunityCarryNoTextAndNoCountBelowFive() {
        int lianhua = Fixtures.id(db, "community", Fixtures.GRID_1.substring(0, 12));
        int quiet = Fixtures.id(db, "community", Fixtures.OTHER_GRID.substring(0, 12));
        int quietGrid = Fixtures.id(db, "grid", Fixtures.OTHER_GRID);
        for (int i = 0; i < 2; i++) {
            created(post(null, "/api/questions", Map.of("topic", "其他", "text", "邻近社区秘密问题" + i, "grid", quietGrid)));
        }
        for (int i = 0; i < 6; i++) {
            long id = askGrid1("莲花路秘密问题" + i).get("id").asLong();
            clock.advance(Duration.ofMinutes(2));
            created(post(worker1, "/api/questions/" + id + "/answers", Map.of("text", "答复" + i)));
        }
        HttpResponse<String> few = server.get("/api/communities/" + quiet + "/consult-stats");
        assertEquals(200, few.statusCode(), few.body());
        JsonNode fewFigures = TestServer.json(few);
        assertTrue(fewFigures.at("/total/suppressed").asBoolean(), few.body());
        assertTrue(fewFigures.at("/total/asked").isNull());
        HttpResponse<String> many = server.get("/api/communities/" + lianhua + "/consult-stats");
        JsonNode figures = TestServer.json(many);
        assertTrue(figures.at("/total/asked").asInt() >= 6, many.body());
        assertEquals(5, figures.get("suppressed_below").asInt());
        for (String body : List.of(few.body(), many.body())) {
            assertFalse(body.contains("秘密"), body);
            assertFalse(body.contains("13912345678"), body);
        }
        // staff see the counts below five
        JsonNode staff = TestServer.json(server.call("GET", "/api/consult/stats?community=" + quiet).as(admin).send());
        assertEquals(2, staff.at("/total/asked").asInt(), staff.toString());
        assertEquals(403, status(worker3, "GET", "/api/consult/stats?community=" + lianhua));
        assertEquals(400, status(admin, "GET", "/api/consult/stats"));
    }

    @Test
    void communityStaffSetTheServiceHoursTheirClocksRunIn() {
        String path = "/api/communities/" + Fixtures.id(db, "community", Fixtures.GRID_1.substring(0, 12)) + "/service-hours";
        assertEquals(400, put(community, path, Map.of("hours", "随时")).statusCode());
        assertEquals(403, put(worker1, path, Map.of("hours", "每日 8:00-20:00")).statusCode(), "a worker of one grid is not the community's staff");
        HttpResponse<String> ok = put(community, path, Map.of("hours", "每日 8:00-20:00"));
        assertEquals(200, ok.statusCode(), ok.body());
        try {
            clock.set(MutableClock.at("2026-12-05T19:50").instant());
            assertEquals("2026-12-06T08:05+08:00", askGrid1("周六晚上问").at("/question/clock/due").asText());
        } finally {
            assertEquals(200, put(admin, path, Map.of()).statusCode(), "back to the default hours");
        }
    }

    private static HttpResponse<String> put(Session as, String path, Object body) {
        return server.call("PUT", path).as(as).header("Origin", "http://127.0.0.1:" + server.port()).json(body).send();
    }

    @Test
    void postingIsRateLimitedPerClient() {
        try (TestServer limited = TestServer.start(db, Map.of("PARTYMAP_CONSULT_POSTS_PER_HOUR", "6"), clock)) {
            var statuses = new ArrayList<Integer>();
            for (int i = 0; i < 4; i++) {
                statuses.add(limited.call("POST", "/api/questions").header("Origin", "http://127.0.0.1:" + limited.port())
                        .json(Map.of("topic", "其他", "text", "连发" + i, "grid", grid1)).send().statusCode());
            }
            assertEquals(List.of(201, 201, 429, 429), statuses);
        }
        if (count("question") == 0) {
            fail("nothing was asked");
        }
    }
}
