package org.partymap.consult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.auth.Role;
import org.partymap.auth.SessionStore;
import org.partymap.auth.User;
import org.partymap.bench.EventStream;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.MutableClock;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

/**
 * The live inbox across two app nodes on one database: a question taken by node A reaches the
 * workers whose streams are on node B, and only those who may read it; transfers and escalations
 * are pushed too. The push rule (Java) and the list rule (SQL) agree for every account and question.
 */
class LiveInboxIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Database db;
    private static final MutableClock clock = MutableClock.at("2026-12-07T09:00");
    private static TestServer nodeA;
    private static TestServer nodeB;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static int grid1;
    private static int grid2;
    private static int grid3;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        grid1 = Fixtures.id(db, "grid", Fixtures.GRID_1);
        grid2 = Fixtures.id(db, "grid", "320902001001002");
        grid3 = Fixtures.id(db, "grid", Fixtures.GRID_3);
        TestAccounts.create(db, "l-worker1", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "l-worker2", Role.GRID_WORKER, "320902001001002");
        TestAccounts.create(db, "l-worker3", Role.GRID_WORKER, Fixtures.GRID_3);
        TestAccounts.create(db, "l-community", Role.GRID_WORKER, Fixtures.GRID_1.substring(0, 12));
        TestAccounts.create(db, "l-planner", Role.PLANNER, Fixtures.SUBDISTRICT);
        TestAccounts.create(db, "l-admin", Role.ADMIN);
        var env = Map.of("PARTYMAP_RATE_LIMIT", "0", "PARTYMAP_CONSULT_POSTS_PER_HOUR", "0");
        nodeA = TestServer.start(db, env, clock);
        nodeB = TestServer.start(db, env, clock);
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
        db.close();
    }

    private static EventStream stream(TestServer node, String user) throws InterruptedException {
        Session session = node.login(user);
        var s = EventStream.open(http, node.uri("/api/inbox/events"), session.cookie(), null);
        assertNotNull(s.next("ready", WAIT), user + "'s stream did not open");
        return s;
    }

    private static long ask(int grid, String text) {
        HttpResponse<String> r = nodeA.call("POST", "/api/questions").header("Origin", "http://127.0.0.1:" + nodeA.port())
                .json(Map.of("grid", grid, "topic", "其他", "text", text)).send();
        assertEquals(201, r.statusCode(), r.body());
        return TestServer.json(r).get("id").asLong();
    }

    private static JsonNode data(EventStream.Event e) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.data());
        } catch (java.io.IOException x) {
            throw new AssertionError(e.data(), x);
        }
    }

    @Test
    void aQuestionTakenByOneNodeReachesTheGridsWorkersOnAnotherAndNoOneElse() throws Exception {
        try (EventStream worker1 = stream(nodeB, "l-worker1"); EventStream worker3 = stream(nodeB, "l-worker3")) {
            long id = ask(grid1, "楼下的井盖松了");
            EventStream.Event e = worker1.next("question", WAIT);
            assertNotNull(e, "the grid's worker heard nothing");
            assertEquals(id, data(e).at("/question/id").asLong());
            assertEquals("asked", data(e).get("kind").asText());
            assertEquals("楼下的井盖松了", data(e).at("/question/excerpt").asText());
            assertFalse(e.data().contains("13"), "the phone, if any, is masked");
            // a later question of grid 3 reaches worker 3; had the first reached them, it would have come before it
            long other = ask(grid3, "健康路的问题");
            EventStream.Event third = worker3.next("question", WAIT);
            assertNotNull(third);
            assertEquals(other, data(third).at("/question/id").asLong(), "worker 3 heard a question of grid 1");
        }
    }

    @Test
    void aTransferIsPushedAsRemovedToTheOldGridAndAsAQuestionToTheNew() throws Exception {
        long id = ask(grid1, "其实是第二网格的事");
        try (EventStream worker1 = stream(nodeB, "l-worker1"); EventStream worker2 = stream(nodeB, "l-worker2")) {
            Session session = nodeA.login("l-worker1");
            HttpResponse<String> r = nodeA.call("POST", "/api/questions/" + id + "/transfer").as(session)
                    .header("Origin", "http://127.0.0.1:" + nodeA.port()).json(Map.of("grid", grid2, "reason", "属于第二网格")).send();
            assertEquals(200, r.statusCode(), r.body());
            EventStream.Event removed = worker1.next("removed", WAIT);
            assertNotNull(removed);
            assertEquals(id, data(removed).get("id").asLong());
            EventStream.Event arrived = worker2.next("question", WAIT);
            assertNotNull(arrived);
            assertEquals("transfer", data(arrived).get("kind").asText());
            assertEquals(grid2, data(arrived).at("/question/grid/id").asInt());
        }
    }

    @Test
    void anEscalationIsPushedToTheCommunitysStaff() throws Exception {
        clock.set(MutableClock.at("2026-12-07T09:00").instant());
        long id = ask(grid1, "没人回答的问题");
        try (EventStream staff = stream(nodeB, "l-community")) {
            clock.advance(Duration.ofMinutes(20));
            Session admin = nodeA.login("l-admin");
            assertEquals(200, nodeA.call("GET", "/api/inbox").as(admin).send().statusCode(), "the read raises what is due");
            EventStream.Event e = staff.next("question", WAIT);
            // earlier tests' questions of grid 1 are due too: find this one's
            while (e != null && data(e).at("/question/id").asLong() != id) {
                e = staff.next("question", WAIT);
            }
            assertNotNull(e, "the community's staff did not hear of question " + id);
            assertEquals("escalated", data(e).get("kind").asText());
            assertEquals(1, data(e).at("/question/escalation").asInt());
        } finally {
            clock.set(MutableClock.at("2026-12-07T09:00").instant());
        }
    }

    @Test
    void aStreamNeedsALoginAndAnEventStreamRequest() {
        assertEquals(401, nodeA.get("/api/inbox/events").statusCode());
        Session session = nodeA.login("l-worker1");
        HttpResponse<String> plain = nodeA.call("GET", "/api/inbox/events").as(session).send();
        assertEquals(400, plain.statusCode(), plain.body());
    }

    @Test
    void thePushRuleAndTheListRuleAgreeForEveryAccountAndQuestion() {
        clock.set(MutableClock.at("2026-12-07T09:00").instant());
        ask(grid1, "规则一");
        ask(grid2, "规则二");
        ask(grid3, "规则三");
        clock.advance(Duration.ofMinutes(20));
        ask(grid1, "规则四");
        Sql.update(db.dataSource(), "UPDATE question SET escalation = 2 WHERE id = (SELECT max(id) FROM question WHERE grid_id = ?)", grid2);
        var sessions = new SessionStore(db.dataSource(), Duration.ofMinutes(30), Duration.ofHours(12));
        var service = new ConsultService(new QuestionRepository(db.dataSource()), a -> java.util.Optional.empty(), clock,
                org.partymap.Config.Consult.fromEnv(Map.of()));
        service.escalateDue();
        record Q(long id, int grid, int community, int subdistrict, int escalation) {
        }
        List<Q> questions = Sql.list(db.dataSource(), """
                SELECT q.id, q.grid_id, g.community_id, c.subdistrict_id, q.escalation
                  FROM question q JOIN grid g ON g.id = q.grid_id JOIN community c ON c.id = g.community_id""",
                rs -> new Q(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
        assertTrue(questions.stream().map(Q::escalation).distinct().count() >= 2, "questions at several levels");
        var disagreements = new ArrayList<String>();
        for (String name : List.of("l-worker1", "l-worker2", "l-worker3", "l-community", "l-planner", "l-admin")) {
            int userId = Sql.one(db.dataSource(), "SELECT id FROM app_user WHERE username = ?", rs -> rs.getInt(1), name).orElseThrow();
            User user = sessions.resolve(sessions.create(userId, null, "test")).orElseThrow();
            Set<Integer> gridCommunities = new HashSet<>(Sql.list(db.dataSource(), "SELECT community_id FROM grid WHERE id = ANY (?::int[])",
                    rs -> rs.getInt(1), (Object) user.grids().toArray(Integer[]::new)));
            var viewer = ConsultAccess.Viewer.of(user, gridCommunities);
            for (Q q : questions) {
                boolean pushed = viewer.sees(q.grid(), q.community(), q.subdistrict(), q.escalation());
                boolean listed = new QuestionRepository(db.dataSource()).visible(q.id(), ConsultAccess.params(user)).isPresent();
                if (pushed != listed) {
                    disagreements.add(name + " on question " + q.id() + " (escalation " + q.escalation() + "): push " + pushed + ", list " + listed);
                }
            }
        }
        assertEquals(List.of(), disagreements);
    }
}
