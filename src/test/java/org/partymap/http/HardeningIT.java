package org.partymap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.App;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.testing.Fixtures;
import org.partymap.testing.LogCapture;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

class HardeningIT {

    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        TestAccounts.create(db, "admin", Role.ADMIN);
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "2"));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static void assertSecurityHeaders(String what, HttpResponse<String> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && csp.contains("frame-ancestors 'none'")
                && csp.contains("default-src 'self'"), what + ": " + csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), what + ": " + csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), what);
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), what);
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), what);
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        assertSecurityHeaders("an API answer", server.get("/api/health"));
        assertSecurityHeaders("a page", server.get("/login.html"));
        assertSecurityHeaders("a script", server.get("/js/api.js"));
        assertSecurityHeaders("Leaflet from the webjar", server.get("/webjars/leaflet/1.9.4/dist/leaflet.css"));
        assertSecurityHeaders("a 404", server.get("/api/nothing-here"));
        assertSecurityHeaders("a 401", server.get("/api/me"));
        assertSecurityHeaders("a parameter error", server.get("/api/locate?lon=x&lat=1"));
        assertSecurityHeaders("Jetty's own 400", server.get("/api/grids/%ff"));
    }

    @Test
    void noPageHasInlineScriptOrStyle() throws java.io.IOException {
        List<String> pages;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("web"))) {
            pages = files.map(f -> "/" + f.getFileName()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.contains("/wishes.html") && pages.contains("/care.html") && pages.size() > 10, pages.toString());
        for (String page : pages) {
            String html = server.get(page).body();
            assertTrue(html.contains("<script type=\"module\" src=\"/js/"), page);
            assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), page + " has an inline script");
            assertFalse(html.contains("style=") || html.contains("<style"), page + " has inline style");
            assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), page + " has an inline event handler");
        }
    }

    @Test
    void publicLookUpsAreRateLimitedPerClientWithRetryAfter() {
        HttpResponse<String> last = null;
        int ok = 0;
        for (int i = 0; i < 12; i++) {
            last = server.get("/api/locate?lon=120.145&lat=33.385");
            if (last.statusCode() == 200) {
                ok++;
            } else {
                break;
            }
        }
        assertTrue(ok >= 6 && ok <= 8, "a burst of three times the rate (2/s) goes through, then no more: " + ok);
        assertEquals(429, last.statusCode(), last.body());
        assertEquals(Problem.MEDIA_TYPE, last.headers().firstValue("Content-Type").orElse(""));
        long retry = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 2, "Retry-After " + retry);
        assertEquals(200, server.get("/api/grids").statusCode(), "layers are not look-ups: not limited");
    }

    @Test
    void theRateLimitCanBeTurnedOffForBenchmarks() {
        try (TestServer unlimited = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"))) {
            for (int i = 0; i < 50; i++) {
                assertEquals(200, unlimited.get("/api/locate?lon=120.145&lat=33.385").statusCode());
            }
        }
    }

    @Test
    void jsonBodiesAreHeldToOneMegabyteAndTheImportToItsOwnLimit() {
        var admin = server.login("admin");
        HttpResponse<String> big;
        try (LogCapture log = LogCapture.of(io.javalin.Javalin.class)) {
            big = server.call("POST", "/api/admin/users").as(admin)
                    .json("{\"username\": \"" + "x".repeat((int) App.MAX_BODY_BYTES) + "\"}").send();
            assertEquals(List.of("WARN Body size greater than max size (" + App.MAX_BODY_BYTES + " bytes)"), log.lines(), "Javalin says why");
        }
        assertEquals(413, big.statusCode(), big.body());
        assertEquals(Problem.MEDIA_TYPE, big.headers().firstValue("Content-Type").orElse(""));

        // a layer file of 2 MB is over the JSON limit but well under the import's (64 MB by default)
        var features = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        int n = 0;
        while (features.length() < 2 * 1024 * 1024) {
            features.append(n == 0 ? "" : ",").append("{\"type\": \"Feature\", \"properties\": {\"full_address\": \"测试路")
                    .append(n).append("号\", \"padding\": \"").append("填".repeat(100)).append("\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [120.1451, 33.3851]}}");
            n++;
        }
        features.append("]}");
        HttpResponse<String> upload = server.call("POST", "/api/admin/import?layer=addresses").as(admin)
                .body(Fixtures.utf8(features.toString()), "application/geo+json").send();
        assertEquals(200, upload.statusCode(), upload.body().substring(0, Math.min(500, upload.body().length())));
        assertEquals(n, TestServer.json(upload).get("inserted").asInt());
    }
}
