package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The password rules through the API: a common or name-bearing password gets one line why, and nothing changes. */
class PasswordRulesIT {

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

    private static String hash() {
        return Sql.text(db.dataSource(), "SELECT password_hash FROM app_user WHERE username = 'picky'").orElseThrow();
    }

    @Test
    void aCommonPasswordOrOneWithTheNameIsRefusedWithOneLineWhyAndChangesNothing() {
        TestAccounts.create(db, "picky", Role.GRID_WORKER, Fixtures.GRID_1);
        Session s = server.login("picky");
        String before = hash();
        for (String[] c : new String[][] {
                {"iloveyou2026!!", "most common passwords"},
                {"Picky-in-the-office", "must not contain the user name"}}) {
            HttpResponse<String> r = server.call("POST", "/api/me/password").as(s)
                    .json(Map.of("current_password", TestAccounts.PASSWORD, "new_password", c[0])).send();
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonNode p = TestServer.json(r);
            assertTrue(p.get("detail").asText().contains(c[1]) && !p.get("detail").asText().contains("\n"), p.toString());
            assertEquals(before, hash(), "the password is unchanged");
        }
        assertEquals(200, server.call("GET", "/api/me").as(s).send().statusCode(), "the session lives on");
    }
}
