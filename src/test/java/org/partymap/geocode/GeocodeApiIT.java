package org.partymap.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partymap.db.Database;
import org.partymap.geo.Crs;
import org.partymap.http.Problem;
import org.partymap.layer.Layer;
import org.partymap.layer.LayerImporter;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

class GeocodeApiIT {

    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        GeocodeFixtures.loadEstate(db);
        server = TestServer.start(db);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static JsonNode geocode(String q, String more) {
        HttpResponse<String> r = server.get("/api/geocode?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more);
        assertEquals(200, r.statusCode(), q + ": " + r.body());
        return TestServer.json(r);
    }

    private static JsonNode problem(String pathAndQuery) {
        HttpResponse<String> r = server.get(pathAndQuery);
        assertEquals(400, r.statusCode(), pathAndQuery + ": " + r.body());
        assertEquals(Problem.MEDIA_TYPE, r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return TestServer.json(r);
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void anAddressIsAnsweredExactlyAsTheContractSays() {
        JsonNode answer = geocode("江苏省盐城市亭湖区人民路12号", "");
        assertEquals(List.of("query", "candidates"), fieldNames(answer));
        assertEquals("江苏省盐城市亭湖区人民路12号", answer.get("query").asText());
        JsonNode best = answer.get("candidates").get(0);
        assertEquals(List.of("lon", "lat", "score", "level", "address", "grid"), fieldNames(best));
        assertEquals(120.1495, best.get("lon").asDouble(), 1e-7);
        assertEquals(33.3831, best.get("lat").asDouble(), 1e-7);
        assertEquals("address", best.get("level").asText());
        assertEquals("人民路12号", best.get("address").asText());
        assertTrue(best.get("score").asDouble() >= 0.8, best.toString());
        assertEquals(List.of("id", "code", "name"), fieldNames(best.get("grid")));
        assertEquals("320902001001001", best.at("/grid/code").asText());
        assertEquals("第一网格", best.at("/grid/name").asText());
    }

    @Test
    void anEstateAddressWrittenTheShortWayFindsItsUnit() {
        JsonNode best = geocode("万方花园3-2-501", "").get("candidates").get(0);
        assertEquals("万方花园3幢2单元", best.get("address").asText());
        assertEquals("address", best.get("level").asText());
        assertEquals(GeocodeFixtures.buildingLon(3) + 0.0001, best.get("lon").asDouble(), 1e-6);
    }

    @Test
    void aBuildingWithoutUnitIsFoundAtTheBuilding() {
        JsonNode best = geocode("万方花园三号楼", "").get("candidates").get(0);
        assertEquals("building", best.get("level").asText());
        assertEquals("万方花园3幢", best.get("address").asText());
    }

    @Test
    void aNumberBetweenTheKnownOnesIsInterpolatedButNotTrustedUntested() {
        JsonNode best = geocode("人民路37号", "").get("candidates").get(0);
        assertEquals("interpolated", best.get("level").asText());
        assertTrue(best.get("score").asDouble() < 0.8, "two addresses cannot vouch for a road's numbering: " + best);
        assertTrue(best.get("lon").asDouble() < 120.15, "odd numbers lie on the left of a road drawn northwards");
    }

    @Test
    void theLimitBoundsTheCandidates() {
        assertEquals(1, geocode("万方花园", "&limit=1").get("candidates").size());
    }

    @Test
    void aPlaceThatDoesNotExistGetsNoConfidentAnswer() {
        for (JsonNode c : geocode("火星路1号", "").get("candidates")) {
            assertTrue(c.get("score").asDouble() < 0.8, c.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/geocode", "/api/geocode?q=", "/api/geocode?q=%20%20%20", "/api/geocode?q=%E3%80%80%E3%80%80",
            "/api/geocode?q=a&limit=0", "/api/geocode?q=a&limit=21", "/api/geocode?q=a&limit=x", "/api/geocode?q=a&q=b",
            "/api/reverse?lon=120.1", "/api/reverse?lon=abc&lat=33", "/api/reverse?lon=200&lat=33",
            "/api/reverse?lon=NaN&lat=33"})
    void badQueriesAreRefusedWithAProblemNamingTheParameter(String path) {
        JsonNode p = problem(path);
        assertFalse(p.get("detail").asText().isBlank());
        assertTrue(p.has("parameter"), p.toString());
    }

    @Test
    void aQueryOfMoreThan200CharactersIsRefusedAndOneOf200IsAnswered() {
        problem("/api/geocode?q=" + "路".repeat(201));
        geocode("路".repeat(200), "");
    }

    @Test
    void theNearestAddressTheGridCommunityAndSubdistrictOfAPoint() {
        HttpResponse<String> r = server.get("/api/reverse?lon=120.1496&lat=33.3832");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode a = TestServer.json(r);
        assertEquals("人民路12号", a.at("/address/address").asText());
        assertEquals(14, a.at("/address/distance_m").asDouble(), 2);
        assertEquals("320902001001001", a.at("/grid/code").asText());
        assertEquals("莲花路社区", a.at("/community/name").asText());
        assertEquals("先锋街道", a.at("/subdistrict/name").asText());
    }

    @Test
    void farFromEverythingThereIsNoAddressAndNoArea() {
        JsonNode a = TestServer.json(server.get("/api/reverse?lon=116.4&lat=39.9"));
        assertTrue(a.get("address").isNull());
        assertTrue(a.get("grid").isNull());
        assertTrue(a.get("community").isNull());
    }

    @Test
    void anAddressImportedWhileServingIsFoundSoonAfter() throws InterruptedException {
        geocode("人民路12号", "");
        new LayerImporter(db.dataSource()).importFile(
                Fixtures.utf8("full_address,lon,lat\n解放路77号,120.1551,33.3903\n"), "new.csv", Layer.ADDRESSES, Crs.WGS84, "test");
        long deadline = System.nanoTime() + 15_000_000_000L;
        String found = "";
        while (System.nanoTime() < deadline && !found.equals("解放路77号")) {
            found = geocode("解放路77号", "").at("/candidates/0/address").asText();
            Thread.sleep(200);
        }
        assertEquals("解放路77号", found);
    }
}
