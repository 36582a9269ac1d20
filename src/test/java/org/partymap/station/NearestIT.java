package org.partymap.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partymap.db.Database;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/** {@code GET /api/nearest} on the sample district (four stations, eight streets). */
class NearestIT {

    /** In 莲花路社区第一网格, 186 m from 莲花路, 89 m from 万方花园网格驿站. */
    private static final String HERE = "lon=120.147&lat=33.385";

    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        server = TestServer.start(db, java.util.Map.of("PARTYMAP_RATE_LIMIT", "0"));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }


    @Test
    void theNearestPostsComeByWalkingDistanceWithTheirRoutes() {
        JsonNode a = server.ok("/api/nearest?" + HERE);
        assertEquals("walk", a.get("mode").asText());
        assertTrue(a.at("/routing/available").asBoolean());
        assertTrue(a.at("/routing/exact").asBoolean());
        assertEquals("莲花路", a.at("/routing/street").asText());
        JsonNode stations = a.get("stations");
        assertEquals(4, stations.size(), "all four sample stations, fewer than the default five");
        assertEquals("万方花园网格驿站", stations.get(0).get("name").asText());
        long previous = 0;
        for (JsonNode s : stations) {
            long walk = s.at("/walk/distance_m").asLong();
            assertTrue(walk >= previous, "ordered by walk");
            assertTrue(walk >= s.get("distance_m").asLong() - 1, "no walk is shorter than the straight line");
            assertEquals(Math.max(1, Math.round(walk / 75.0)), s.at("/walk/minutes").asLong());
            JsonNode route = s.at("/walk/route");
            assertEquals("LineString", route.get("type").asText());
            JsonNode first = route.get("coordinates").get(0);
            JsonNode last = route.get("coordinates").get(route.get("coordinates").size() - 1);
            assertEquals(120.147, first.get(0).asDouble(), 1e-6);
            assertEquals(33.385, first.get(1).asDouble(), 1e-6);
            assertEquals(s.get("lon").asDouble(), last.get(0).asDouble(), 1e-6);
            assertEquals(s.get("lat").asDouble(), last.get(1).asDouble(), 1e-6);
            assertFalse(s.at("/walk/via").isEmpty());
            previous = walk;
        }
    }

    @Test
    void theStraightLineModeIsTheKnnAnswerWithoutWalks() {
        JsonNode a = server.ok("/api/nearest?" + HERE + "&mode=straight&limit=2");
        assertEquals("straight", a.get("mode").asText());
        assertEquals(2, a.get("stations").size());
        assertEquals("万方花园网格驿站", a.at("/stations/0/name").asText());
        assertEquals(89, a.at("/stations/0/distance_m").asInt(), 1);
        assertTrue(a.at("/stations/0/walk").isMissingNode());
        assertTrue(a.at("/stations/1/distance_m").asInt() >= a.at("/stations/0/distance_m").asInt());
    }

    @Test
    void aPlaceFarFromEveryStreetGetsStraightLinesMarkedAsSuch() {
        // 1.4 km east of 毓龙路, the easternmost street
        JsonNode a = server.ok("/api/nearest?lon=120.175&lat=33.39");
        assertFalse(a.at("/routing/available").asBoolean());
        assertEquals("far_from_streets", a.at("/routing/reason").asText());
        assertEquals(4, a.get("stations").size());
        long previous = 0;
        for (JsonNode s : a.get("stations")) {
            assertTrue(s.get("walk") == null, "no walk");
            assertEquals("origin_far_from_streets", s.get("no_route").asText());
            assertTrue(s.get("distance_m").asLong() >= previous, "ordered by the straight line");
            previous = s.get("distance_m").asLong();
        }
    }

    @Test
    void aPlaceFarOutsideTheDistrictStillGetsItsNearestPostsByStraightLine() {
        JsonNode a = server.ok("/api/nearest?lon=116.397&lat=39.909&limit=1");
        assertFalse(a.at("/routing/available").asBoolean());
        assertEquals(1, a.get("stations").size());
        assertEquals(796, a.at("/stations/0/distance_m").asLong() / 1000, "Beijing is 796 km away");
        assertEquals("origin_far_from_streets", a.at("/stations/0/no_route").asText());
    }

    @Test
    void limitBoundsAreKept() {
        assertEquals(1, server.ok("/api/nearest?" + HERE + "&limit=1").get("stations").size());
        assertEquals(4, server.ok("/api/nearest?" + HERE + "&limit=20").get("stations").size());
        assertEquals(4, server.ok("/api/nearest?" + HERE + "&limit=20&mode=straight").get("stations").size());
    }

    @Test
    void kindsNarrowTheAnswer() {
        JsonNode one = server.ok("/api/nearest?" + HERE + "&kind=grid_station");
        assertEquals(1, one.get("stations").size());
        assertEquals("grid_station", one.at("/stations/0/kind").asText());
        JsonNode two = server.ok("/api/nearest?" + HERE + "&kind=service_centre,activity_room");
        assertEquals(3, two.get("stations").size());
        for (JsonNode s : two.get("stations")) {
            assertFalse(s.get("kind").asText().equals("grid_station"));
        }
        assertEquals(0, server.ok("/api/nearest?" + HERE + "&kind=reading_room").get("stations").size());
    }

    @Test
    void aServiceNarrowsTheAnswerToThePostsOfferingIt() {
        JsonNode a = server.ok("/api/nearest?" + HERE + "&service=" + enc("图书室"));
        assertEquals(2, a.get("stations").size());
        for (JsonNode s : a.get("stations")) {
            assertTrue(s.get("services").toString().contains("图书室"));
        }
        assertEquals(1, server.ok("/api/nearest?" + HERE + "&mode=straight&service=" + enc("放学来吧")).get("stations").size());
    }

    @Test
    void thePostOfMyGridIsIncludedWithItsWalkWhenAskedFor() {
        JsonNode a = server.ok("/api/nearest?" + HERE + "&limit=1&kind=activity_room&include=2");
        assertEquals("activity_room", a.at("/stations/0/kind").asText());
        assertEquals(2, a.at("/included/0/id").asInt());
        assertEquals("健康路社区党群服务中心", a.at("/included/0/name").asText());
        assertTrue(a.at("/included/0/walk/distance_m").asLong() > 0);
    }

    @Test
    void anAddressIsGeocodedAndTheAnswerSaysWhatItMatched() {
        JsonNode a = server.ok("/api/nearest?limit=2&address=" + enc("盐城市亭湖区人民路12号"));
        assertEquals("人民路12号", a.at("/origin/address").asText());
        assertEquals("address", a.at("/origin/level").asText());
        assertTrue(a.at("/origin/score").asDouble() >= 0.8);
        assertEquals(120.1495, a.at("/origin/lon").asDouble(), 1e-6);
        assertEquals(2, a.get("stations").size());
        JsonNode straight = server.ok("/api/nearest?limit=2&mode=straight&address=" + enc("盐城市亭湖区人民路12号"));
        for (String member : List.of("address", "level", "lon", "lat")) {
            assertEquals(a.at("/origin/" + member).asText(), straight.at("/origin/" + member).asText(), "both modes say what matched: " + member);
        }
        assertEquals(a.at("/origin/score").asDouble(), straight.at("/origin/score").asDouble(), 1e-9);
        assertEquals(List.of("lon", "lat"), names(server.ok("/api/nearest?" + HERE + "&mode=straight").get("origin")),
                "a point given as lon and lat has no address");
        assertEquals("address", server.problem("/api/nearest?address=x&" + HERE, 400).get("parameter").asText());
        assertEquals("/problems/address-not-found", server.problem("/api/nearest?address=" + enc("qqqq"), 404).get("type").asText());
    }

    private static List<String> names(JsonNode object) {
        return object.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }

    @Test
    void anUnknownServiceIsABadRequestThatListsTheKnownOnes() {
        JsonNode p = server.problem("/api/nearest?" + HERE + "&service=" + enc("理发"), 400);
        assertEquals("service", p.get("parameter").asText());
        assertTrue(p.get("known").toString().contains("图书室"), p.toString());
        assertTrue(p.get("detail").asText().contains("理发"), "Chinese survives in problem details: " + p);
    }

    @Test
    void itIsAPublicLookUpAndRateLimitedLikeTheOthers() {
        try (TestServer limited = TestServer.start(db, java.util.Map.of("PARTYMAP_RATE_LIMIT", "3"))) {
            int refused = 0;
            for (int i = 0; i < 12; i++) {
                if (limited.get("/api/nearest?" + HERE).statusCode() == 429) {
                    refused++;
                }
            }
            assertTrue(refused > 0, "some of twelve quick requests are refused at three a second");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "lat=33.385", "lon=120.147", "lon=abc&lat=33.385", "lon=NaN&lat=33.385", "lon=120.147&lat=91",
        "lon=181&lat=33", "lon=1e999&lat=33", "lon=120.147&lon=120.148&lat=33.385",
        HERE + "&limit=0", HERE + "&limit=21", HERE + "&limit=abc", HERE + "&limit=1.5", HERE + "&limit=-1",
        HERE + "&kind=bus", HERE + "&kind=grid_station,bus", HERE + "&kind=,", HERE + "&mode=fly",
        HERE + "&include=abc", HERE + "&include=0", HERE + "&include=1,2", HERE + "&include=%EF%BC%91",
        HERE + "&service=%27%3B%20DROP%20TABLE%20station%3B--"})
    void badParametersGetA400NamingThem(String query) {
        JsonNode p = server.problem("/api/nearest?" + query, 400);
        assertTrue(p.has("parameter"), p.toString());
        assertFalse(p.get("detail").asText().isBlank());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
