package org.partymap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.partymap.db.Database;
import org.partymap.geocode.GazetteerCache;
import org.partymap.testing.LogCapture;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

class ApiIT {

    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        org.partymap.testing.TestAccounts.create(db, "status-admin", org.partymap.auth.Role.ADMIN);
        server = TestServer.start(db);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static JsonNode ok(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return TestServer.json(r);
    }

    private static JsonNode problem(String path, int status) {
        HttpResponse<String> r = server.get(path);
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        assertEquals(Problem.MEDIA_TYPE, r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode body = TestServer.json(r);
        assertEquals(status, body.get("status").asInt());
        assertFalse(body.path("detail").asText().isBlank());
        return body;
    }

    /** The major version of the newest migration file (V5__x.sql, V2_1__y.sql → 5). */
    private static String latestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return Integer.toString(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V[0-9]+(_[0-9]+)*__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1).split("[_.]")[0]))
                    .max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void healthSaysOkAndNothingElseWhileTheAdminsStatusTellsTheDatabaseTheSchemaAndTheLayers() {
        HttpResponse<String> health = server.get("/api/health");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", health.body(), "the public learns no version, count or message");
        var admin = server.login("status-admin");
        HttpResponse<String> r = server.call("GET", "/api/admin/status").as(admin).send();
        assertEquals(200, r.statusCode(), r.body());
        JsonNode h = TestServer.json(r);
        assertTrue(h.at("/database/postgis").asText().startsWith("3."));
        assertEquals(latestMigration(), h.at("/database/schema_version").asText().split("\\.")[0]);
        assertEquals(4, h.at("/layers/grids").asInt());
        assertEquals(5, h.at("/layers/addresses").asInt());
        assertTrue(h.at("/layer_versions/grid").asLong() >= 1, h.toString());
        assertTrue(h.at("/server/pool/total").asInt() >= 1, h.toString());
        assertEquals(0, h.get("imports_running").asInt());
    }


    @Test
    void everyLayerHasItsFeatures() {
        assertEquals(1, ok("/api/subdistricts").get("features").size());
        assertEquals(2, ok("/api/communities").get("features").size());
        assertEquals(2, ok("/api/communities?subdistrict=1").get("features").size());
        assertEquals(4, ok("/api/stations").get("features").size());
        assertEquals(1, ok("/api/stations?kind=grid_station").get("features").size());
        assertEquals(8, ok("/api/streets").get("features").size());
        assertEquals(3, ok("/api/streets?class=axis").get("features").size());
        assertEquals(2, ok("/api/grids?community=1").get("features").size());
    }

    @Test
    void bboxKeepsOnlyWhatMeetsTheBox() {
        assertEquals(1, ok("/api/grids?bbox=120.141,33.381,120.142,33.382").get("features").size());
        assertEquals(0, ok("/api/grids?bbox=121,34,121.1,34.1").get("features").size());
        assertEquals(0, ok("/api/stations?bbox=121,34,121.1,34.1").get("features").size());
    }

    @Test
    void oneGridComesWithItsContactsDutiesStationAndCounts() {
        JsonNode g = ok("/api/grids/1");
        assertEquals("Feature", g.get("type").asText());
        assertEquals("320902001001001", g.at("/properties/code").asText());
        assertEquals(9, g.at("/properties/duties").size());
        assertEquals("网格员", g.at("/properties/contacts/0/role").asText());
        assertEquals("万方花园网格驿站", g.at("/properties/station/name").asText());
        assertEquals(2, g.at("/properties/counts/addresses").asInt());
    }

    @Test
    void locateNamesTheGridItsLeaderAndItsStation() {
        JsonNode here = ok("/api/locate?lon=120.147&lat=33.385");
        assertEquals("先锋街道", here.at("/subdistrict/name").asText());
        assertEquals("莲花路社区", here.at("/community/name").asText());
        assertEquals("第一网格", here.at("/grid/name").asText());
        assertEquals("莲花路社区第一网格党支部", here.at("/grid/branch_name").asText());
        assertEquals("王丽", here.at("/grid/leader_name").asText());
        assertEquals("0515-00000001", here.at("/grid/leader_phone").asText());
        assertEquals("万方花园网格驿站", here.at("/station/name").asText());
        assertTrue(here.at("/station/distance_m").asInt() < 200);
    }

    @Test
    void aPointOutsideEveryGridIsNotFound() {
        JsonNode p = problem("/api/locate?lon=120.3&lat=33.5", 404);
        assertEquals("/problems/outside-grids", p.get("type").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/locate?lat=33.38", "/api/locate?lon=120.1", "/api/locate?lon=abc&lat=33.38",
        "/api/locate?lon=NaN&lat=33.38", "/api/locate?lon=Infinity&lat=33.38", "/api/locate?lon=120.1&lat=91",
        "/api/locate?lon=181&lat=33", "/api/locate?lon=0x1p3&lat=33", "/api/locate?lon=120&lon=121&lat=33",
        "/api/grids?bbox=1,2,3", "/api/grids?bbox=3,2,1,4", "/api/grids?bbox=a,b,c,d", "/api/grids?community=-1",
        "/api/grids/abc", "/api/grids/0", "/api/stations?kind=bar", "/api/streets?class=highway",
        "/api/communities?subdistrict=x", "/api/locate?lon=120.1%27%3B%20DROP%20TABLE%20grid%3B--&lat=33"})
    void badParametersGetA400ThatSaysWhy(String path) {
        JsonNode p = problem(path, 400);
        assertTrue(p.has("parameter"), p.toString());
    }

    @Test
    void anUnknownGridIsNotFound() {
        assertEquals("/problems/grid-not-found", problem("/api/grids/9999", 404).get("type").asText());
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        problem("/api/nothing-here", 404);
    }

    @Test
    void aWrongMethodIsAProblem() {
        var r = server.send(HttpRequest.newBuilder(server.uri("/api/grids")).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertTrue(r.statusCode() == 404 || r.statusCode() == 405, "status " + r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void theWebClientIsServed() {
        var r = server.get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("partymap"));
    }

    @Test
    void aServerErrorShowsARequestIdAndNoInternalsAndIsLoggedWithItsStackTrace() {
        // the capture opens first and closes last: the gazetteer's warm-up may fail on the broken table as the server stops
        try (LogCapture log = LogCapture.of(ErrorMapper.class, GazetteerCache.class);
             Database broken = TestDatabase.fresh(); TestServer s = TestServer.start(broken)) {
            org.partymap.db.Sql.update(broken.dataSource(), "ALTER TABLE station RENAME TO station_gone");
            HttpResponse<String> r = s.get("/api/stations");
            assertEquals(500, r.statusCode());
            JsonNode p = TestServer.json(r);
            assertFalse(p.get("requestId").asText().isBlank());
            assertFalse(r.body().contains("station_gone") || r.body().contains("ERROR") || r.body().contains("at org."), r.body());
            ILoggingEvent logged = log.events().stream().filter(e -> e.getLoggerName().equals(ErrorMapper.class.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("the 500 is logged: " + log.lines()));
            assertEquals("request GET /api/stations failed (request id " + p.get("requestId").asText() + ")", logged.getFormattedMessage());
            assertTrue(logged.getThrowableProxy().getMessage().contains("relation \"station\" does not exist"), "the log has the cause");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/health", "/api/grids", "/api/grids/1", "/api/locate?lon=120.147&lat=33.385", "/api/stations",
        "/api/nearest?lon=120.147&lat=33.385&mode=straight", "/api/nearest?lon=120.147&lat=33.385", "/api/locate?lon=120.3&lat=33.5"})
    void everyAnswerHasJacksonsSpacingWhetherPostgisOrJavaWroteIt(String path) {
        String body = server.get(path).body();
        assertFalse(body.isEmpty());
        assertEquals(JsonText.compact(body), body, "no white space between tokens: " + body);
    }
}
