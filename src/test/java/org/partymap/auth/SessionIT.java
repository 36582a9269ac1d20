package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

class SessionIT {

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

    private static HttpResponse<String> me(Session s) {
        return server.call("GET", "/api/me").as(s).send();
    }

    private static HttpResponse<String> login(String username, String password) {
        return server.call("POST", "/api/login").json(Map.of("username", username, "password", password)).send();
    }

    private static long count(String sql, Object... params) {
        return Sql.one(db.dataSource(), sql, rs -> rs.getLong(1), params).orElseThrow();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrictAndTheDatabaseHoldsOnlyItsHash() {
        TestAccounts.create(db, "cookie-user", Role.GRID_WORKER, Fixtures.GRID_1);
        HttpResponse<String> r = login("cookie-user", TestAccounts.PASSWORD);
        assertEquals(200, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("partymap_session="), setCookie);
        assertTrue(setCookie.contains("; HttpOnly"), setCookie);
        assertTrue(setCookie.contains("; SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("; Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain http: no Secure flag, or the browser would drop the cookie");
        String token = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        assertEquals(0, count("SELECT count(*) FROM session WHERE id = ?", token), "the raw token is never stored");
        assertEquals(1, count("SELECT count(*) FROM session WHERE id = encode(sha256(convert_to(?, 'UTF8')), 'hex')", token));
        assertEquals("cookie-user", TestServer.json(me(new Session(setCookie.substring(0, setCookie.indexOf(';'))))).get("username").asText());
    }

    @Test
    void overHttpsTheCookieIsSecureWithTheHostPrefix() {
        try (Database other = TestDatabase.fresh();
             TestServer https = TestServer.start(other, Map.of("PARTYMAP_PUBLIC_URL", "https://map.example.org"))) {
            TestAccounts.create(other, "secure-user", Role.ADMIN);
            HttpResponse<String> r = https.call("POST", "/api/login").json(Map.of("username", "secure-user", "password", TestAccounts.PASSWORD)).send();
            assertEquals(200, r.statusCode(), r.body());
            String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(setCookie.startsWith("__Host-partymap="), setCookie);
            assertTrue(setCookie.contains("; Secure") && setCookie.contains("; HttpOnly") && setCookie.contains("; SameSite=Strict"), setCookie);
            assertTrue(r.headers().firstValue("Strict-Transport-Security").isPresent());
        }
    }

    @Test
    void aLoggedOutSessionIsDead() {
        TestAccounts.create(db, "leaver", Role.ADMIN);
        Session s = server.login("leaver");
        assertEquals(200, me(s).statusCode());
        HttpResponse<String> out = server.call("POST", "/api/logout").as(s).send();
        assertEquals(204, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"), "the browser is told to drop the cookie");
        // the old cookie, replayed, gets nothing: the session row is gone, not just the browser's copy
        assertEquals(401, me(s).statusCode());
        assertEquals(401, server.call("GET", "/api/admin/users").as(s).send().statusCode());
        assertEquals(0, count("SELECT count(*) FROM session s JOIN app_user u ON u.id = s.user_id WHERE u.username = 'leaver'"));
    }

    @Test
    void aSessionEndsWhenIdleForTooLongAndAtItsAbsoluteLimit() {
        TestAccounts.create(db, "sleeper", Role.PLANNER, Fixtures.SUBDISTRICT);
        Session idle = server.login("sleeper");
        Sql.update(db.dataSource(), """
                UPDATE session SET last_seen_at = now() - interval '31 minutes'
                 WHERE user_id = (SELECT id FROM app_user WHERE username = 'sleeper')""");
        HttpResponse<String> r = me(idle);
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("session has ended"), r.body());

        Session old = server.login("sleeper");
        assertEquals(200, me(old).statusCode());
        Sql.update(db.dataSource(), """
                UPDATE session SET expires_at = now() - interval '1 second'
                 WHERE user_id = (SELECT id FROM app_user WHERE username = 'sleeper')""");
        assertEquals(401, me(old).statusCode(), "past its absolute end a session is dead however busy it is");
    }

    @Test
    void bruteForceAgainstOneAccountIsThrottledEvenForTheRightPassword() {
        TestAccounts.create(db, "target", Role.ADMIN);
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            assertEquals(401, login("target", "wrong guess number " + i).statusCode());
        }
        HttpResponse<String> blocked = login("target", TestAccounts.PASSWORD);
        assertEquals(429, blocked.statusCode(), "the right password does not get through a throttled account");
        long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= LoginThrottle.WINDOW.toSeconds(), "Retry-After " + retryAfter);
        assertEquals(0, count("SELECT count(*) FROM login_attempt WHERE success AND account_key = encode(sha256('target'), 'hex')"),
                "no login succeeded");
        assertEquals(LoginThrottle.ACCOUNT_FAILURES, count("SELECT count(*) FROM audit_log WHERE action = 'login_failed' AND username = 'target'"));

        // once the failures age out of the window, the account opens again
        Sql.update(db.dataSource(), "UPDATE login_attempt SET at = at - interval '16 minutes'");
        assertEquals(200, login("target", TestAccounts.PASSWORD).statusCode());
    }

    @Test
    void manyNamesFromOneAddressAreThrottledPerAddress() {
        try (Database other = TestDatabase.fresh();
             TestServer proxied = TestServer.start(other, Map.of("PARTYMAP_TRUST_PROXY", "true"))) {
            TestAccounts.create(other, "victim", Role.ADMIN);
            for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
                HttpResponse<String> r = proxied.call("POST", "/api/login").header("X-Forwarded-For", "203.0.113.7")
                        .json(Map.of("username", "guess" + i, "password", "password guess " + i)).send();
                assertEquals(401, r.statusCode(), r.body());
            }
            HttpResponse<String> blocked = proxied.call("POST", "/api/login").header("X-Forwarded-For", "203.0.113.7")
                    .json(Map.of("username", "victim", "password", TestAccounts.PASSWORD)).send();
            assertEquals(429, blocked.statusCode(), blocked.body());
            assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
            // another address is not held back by the first one's failures
            HttpResponse<String> elsewhere = proxied.call("POST", "/api/login").header("X-Forwarded-For", "198.51.100.9")
                    .json(Map.of("username", "victim", "password", TestAccounts.PASSWORD)).send();
            assertEquals(200, elsewhere.statusCode(), elsewhere.body());
            assertEquals("198.51.100.9", Sql.one(other.dataSource(),
                    "SELECT host(ip) FROM audit_log WHERE action = 'login' ORDER BY id DESC LIMIT 1", rs -> rs.getString(1)).orElseThrow());
        }
    }

    @Test
    void aWrongPasswordAnUnknownNameAndADisabledAccountGetTheSameAnswer() {
        TestAccounts.create(db, "quiet", Role.GRID_WORKER, Fixtures.GRID_1);
        var accounts = TestAccounts.accounts(db);
        int disabledId = TestAccounts.create(db, "gone", Role.GRID_WORKER, Fixtures.GRID_1);
        accounts.update(disabledId, Optional.empty(), Optional.empty(), Optional.of(true),
                Optional.empty(), AuditLog.Actor.commandLine());
        var answers = List.of(login("quiet", "not the password"), login("nobody-here", "not the password"),
                login("gone", TestAccounts.PASSWORD));
        for (HttpResponse<String> r : answers) {
            assertEquals(401, r.statusCode());
            assertEquals("wrong user name or password", TestServer.json(r).get("detail").asText());
        }
        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE detail::text LIKE '%not the password%'"), "passwords are never logged");
        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE username = 'nobody-here'"), "names that are no account are not logged");
    }

    @Test
    void disablingAnAccountEndsItsSessions() {
        int id = TestAccounts.create(db, "to-disable", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "boss", Role.ADMIN);
        Session worker = server.login("to-disable");
        Session boss = server.login("boss");
        assertEquals(200, server.call("GET", "/api/residents").as(worker).send().statusCode());
        HttpResponse<String> r = server.call("PATCH", "/api/admin/users/" + id).as(boss).json(Map.of("disabled", true)).send();
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(401, server.call("GET", "/api/residents").as(worker).send().statusCode());
        assertEquals(401, login("to-disable", TestAccounts.PASSWORD).statusCode());
    }

    @Test
    void aOneTimePasswordAllowsNothingButChangingIt() {
        var created = TestAccounts.accounts(db).create("newcomer", "新来的", Role.GRID_WORKER, List.of(Fixtures.GRID_1), AuditLog.Actor.commandLine());
        Session s = server.login("newcomer", created.oneTimePassword());
        assertTrue(TestServer.json(me(s)).get("must_change_password").asBoolean());
        HttpResponse<String> refused = server.call("GET", "/api/residents").as(s).send();
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("password-change-required"), refused.body());

        Session other = server.login("newcomer", created.oneTimePassword());
        var change = server.call("POST", "/api/me/password").as(s)
                .json(Map.of("current_password", created.oneTimePassword(), "new_password", "my own passphrase 2026")).send();
        assertEquals(204, change.statusCode(), change.body());
        assertEquals(200, server.call("GET", "/api/residents").as(s).send().statusCode(), "the session that changed it goes on");
        assertEquals(401, me(other).statusCode(), "every other session of the account ends");
        assertEquals(401, login("newcomer", created.oneTimePassword()).statusCode(), "the one-time password is spent");
        assertEquals(200, login("newcomer", "my own passphrase 2026").statusCode());
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        TestAccounts.create(db, "picky", Role.ADMIN);
        Session s = server.login("picky");
        for (String weak : List.of("short", "aaaaaaaaaaaaaaaa", "picky-picky-picky-2026")) {
            HttpResponse<String> r = server.call("POST", "/api/me/password").as(s)
                    .json(Map.of("current_password", TestAccounts.PASSWORD, "new_password", weak)).send();
            assertEquals(400, r.statusCode(), weak);
            assertEquals("new_password", TestServer.json(r).get("field").asText());
        }
        assertEquals(200, login("picky", TestAccounts.PASSWORD).statusCode(), "nothing changed");
    }
}
