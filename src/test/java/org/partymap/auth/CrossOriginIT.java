package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

class CrossOriginIT {

    private static Database db;
    private static TestServer server;
    private static Session admin;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        TestAccounts.create(db, "admin", Role.ADMIN);
        server = TestServer.start(db);
        admin = server.login("admin");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static long users() {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM app_user", rs -> rs.getLong(1)).orElseThrow();
    }

    private static String self() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void aForgedCrossSiteFormIsRefusedAndChangesNothing() {
        long before = users();
        // what a hostile page's <form method=post action=.../api/admin/users> makes a browser send
        HttpResponse<String> r = server.call("POST", "/api/admin/users").as(admin)
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                .body("username=mallory&role=admin".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded").send();
        assertEquals(403, r.statusCode(), r.body());
        assertEquals("/problems/cross-origin", TestServer.json(r).get("type").asText());
        assertEquals(before, users());
    }

    @Test
    void aCrossOriginJsonPostIsRefusedWhicheverHeaderGivesItAway() {
        long before = users();
        var body = Map.of("username", "mallory", "role", "admin");
        for (Map<String, String> headers : List.of(
                Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "null"),
                Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://sub.127.0.0.1"),
                Map.of("Origin", "http://127.0.0.1:1"))) {
            var call = server.call("POST", "/api/admin/users").as(admin).json(body);
            headers.forEach(call::header);
            HttpResponse<String> r = call.send();
            assertEquals(403, r.statusCode(), headers + ": " + r.body());
        }
        assertEquals(before, users());
    }

    @Test
    void loggingInFromAnotherSiteIsRefused() {
        HttpResponse<String> r = server.call("POST", "/api/login").header("Origin", "https://evil.example")
                .json(Map.of("username", "admin", "password", TestAccounts.PASSWORD)).send();
        assertEquals(403, r.statusCode());
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    void theSameOriginAndNonBrowserClientsMayWrite() {
        HttpResponse<String> same = server.call("POST", "/api/admin/users").as(admin)
                .header("Origin", self()).header("Sec-Fetch-Site", "same-origin")
                .json(Map.of("username", "made-same-origin", "role", "admin")).send();
        assertEquals(201, same.statusCode(), same.body());
        HttpResponse<String> script = server.call("POST", "/api/admin/users").as(admin)
                .json(Map.of("username", "made-by-script", "role", "admin")).send();
        assertEquals(201, script.statusCode(), "a client that sends neither Origin nor Sec-Fetch-Site is no browser: " + script.body());
    }

    @Test
    void readsFromAnotherOriginGetNoCorsPermission() {
        HttpResponse<String> r = server.call("GET", "/api/admin/users").as(admin).header("Origin", "https://evil.example").send();
        assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
    }
}
