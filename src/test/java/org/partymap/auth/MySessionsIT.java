package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

/** "My sessions": see them, end one, end all others; an admin sees and ends a user's. */
class MySessionsIT {

    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        server = TestServer.start(db);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static Session loginWith(String username, String userAgent) {
        HttpResponse<String> r = server.call("POST", "/api/login").header("User-Agent", userAgent)
                .json(Map.of("username", username, "password", TestAccounts.PASSWORD)).send();
        assertEquals(200, r.statusCode(), r.body());
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("partymap_session=")).findFirst().orElseThrow();
        return new Session(setCookie.substring(0, setCookie.indexOf(';')));
    }

    private static JsonNode sessions(Session s) {
        HttpResponse<String> r = server.call("GET", "/api/me/sessions").as(s).send();
        assertEquals(200, r.statusCode(), r.body());
        return TestServer.json(r).get("sessions");
    }

    private static int me(Session s) {
        return server.call("GET", "/api/me").as(s).send().statusCode();
    }

    private static long audited(String action, String username) {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM audit_log WHERE action = ? AND target_id = (SELECT id::text FROM app_user WHERE username = ?)",
                rs -> rs.getLong(1), action, username).orElseThrow();
    }

    @Test
    void aPersonSeesTheirSessionsAndEndsOneThenAllOthersThenThisOne() {
        TestAccounts.create(db, "two-browsers", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "someone-else", Role.GRID_WORKER, Fixtures.GRID_1);
        Session phone = loginWith("two-browsers", "Mozilla/5.0 (Linux; Android 14) phone");
        Session desk = loginWith("two-browsers", "Mozilla/5.0 (Windows NT 10.0) office");

        HttpResponse<String> raw = server.call("GET", "/api/me/sessions").as(desk).send();
        JsonNode list = TestServer.json(raw).get("sessions");
        assertEquals(2, list.size(), raw.body());
        JsonNode current = list.get(0).get("current").asBoolean() ? list.get(0) : list.get(1);
        JsonNode other = current == list.get(0) ? list.get(1) : list.get(0);
        assertTrue(current.get("current").asBoolean() && !other.get("current").asBoolean());
        assertEquals("Mozilla/5.0 (Windows NT 10.0) office", current.get("user_agent").asText());
        assertEquals("Mozilla/5.0 (Linux; Android 14) phone", other.get("user_agent").asText());
        assertEquals("127.0.0.1", current.get("ip").asText());
        assertFalse(current.get("started_at").asText().isBlank() || current.get("last_seen_at").asText().isBlank());
        for (Session s : new Session[] {phone, desk}) {
            String token = s.cookie().substring(s.cookie().indexOf('=') + 1);
            assertFalse(raw.body().contains(token) || raw.body().contains(SessionStore.hash(token)), "neither the token nor its hash is shown");
        }

        // nobody else can end it, and a malformed id is refused before anything is looked up
        Session stranger = server.login("someone-else");
        assertEquals(404, server.call("DELETE", "/api/me/sessions/" + other.get("id").asText()).as(stranger).send().statusCode());
        assertEquals(400, server.call("DELETE", "/api/me/sessions/not-a-session").as(desk).send().statusCode());
        assertEquals(200, me(phone));

        assertEquals(204, server.call("DELETE", "/api/me/sessions/" + other.get("id").asText()).as(desk).send().statusCode());
        assertEquals(401, me(phone), "the ended session is dead");
        assertEquals(200, me(desk));
        assertEquals(1, audited("session_end", "two-browsers"));

        Session third = loginWith("two-browsers", "curl/8");
        HttpResponse<String> others = server.call("POST", "/api/me/sessions/end-others").as(desk).send();
        assertEquals(200, others.statusCode(), others.body());
        assertEquals(1, TestServer.json(others).get("ended").asInt());
        assertEquals(401, me(third));
        assertEquals(1, sessions(desk).size());
        assertEquals(1, audited("session_end_others", "two-browsers"));

        HttpResponse<String> self = server.call("DELETE", "/api/me/sessions/" + current.get("id").asText()).as(desk).send();
        assertEquals(204, self.statusCode());
        assertTrue(self.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("partymap_session=;") && c.contains("Max-Age=0")));
        assertEquals(401, me(desk), "ending this one is a logout");
        assertEquals(200, me(stranger), "another account's session is untouched");
    }

    @Test
    void anAdminSeesAndEndsAUsersSessionsAndTheEndingIsAudited() {
        TestAccounts.create(db, "sessions-admin", Role.ADMIN);
        int id = TestAccounts.create(db, "watched", Role.PLANNER, Fixtures.SUBDISTRICT);
        Session admin = server.login("sessions-admin");
        Session a = server.login("watched");
        Session b = server.login("watched");

        JsonNode list = TestServer.json(server.call("GET", "/api/admin/users/" + id + "/sessions").as(admin).send()).get("sessions");
        assertEquals(2, list.size());
        assertEquals(403, server.call("GET", "/api/admin/users/" + id + "/sessions").as(a).send().statusCode());
        assertEquals(404, server.call("GET", "/api/admin/users/999999/sessions").as(admin).send().statusCode());
        assertEquals(404, server.call("POST", "/api/admin/users/999999/sessions/end").as(admin).send().statusCode());

        HttpResponse<String> end = server.call("POST", "/api/admin/users/" + id + "/sessions/end").as(admin).send();
        assertEquals(200, end.statusCode(), end.body());
        assertEquals(2, TestServer.json(end).get("ended").asInt());
        assertEquals(401, me(a));
        assertEquals(401, me(b));
        assertEquals(200, me(admin));
        assertEquals(1, audited("session_end_all", "watched"));
        assertEquals("sessions-admin", Sql.text(db.dataSource(),
                "SELECT username FROM audit_log WHERE action = 'session_end_all' AND target_id = ?", Integer.toString(id)).orElseThrow());
    }

    @Test
    void aPasswordChangeLeavesOnlyTheSessionThatMadeIt() {
        TestAccounts.create(db, "changer", Role.GRID_WORKER, Fixtures.GRID_1);
        Session keep = server.login("changer");
        Session other = server.login("changer");
        HttpResponse<String> r = server.call("POST", "/api/me/password").as(keep)
                .json(Map.of("current_password", TestAccounts.PASSWORD, "new_password", "a brand new passphrase 2027")).send();
        assertEquals(204, r.statusCode(), r.body());
        assertEquals(401, me(other));
        JsonNode list = sessions(keep);
        assertEquals(1, list.size());
        assertTrue(list.get(0).get("current").asBoolean());
    }
}
