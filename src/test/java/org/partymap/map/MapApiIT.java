package org.partymap.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/** {@code /api/config} and {@code /api/basemap} on the sample district, with an estate and buildings added. */
class MapApiIT {

    private static final String BOX = "bbox=120.135,33.375,120.165,33.405";
    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        int estate = Sql.one(db.dataSource(), "INSERT INTO estate (name, geom) VALUES ('万方花园', "
                + "ST_Multi(ST_MakeEnvelope(120.146, 33.3835, 120.1485, 33.3865, 4326))) RETURNING id", rs -> rs.getInt(1)).orElseThrow();
        Sql.update(db.dataSource(), "INSERT INTO building (estate_id, name, number, geom) VALUES "
                + "(?, '1幢', '1', ST_MakeEnvelope(120.1465, 33.384, 120.1468, 33.3842, 4326)),"
                + "(?, '2幢', '2', ST_MakeEnvelope(120.1475, 33.384, 120.1478, 33.3842, 4326))", estate, estate);
        server = TestServer.start(db);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static List<String> layers(JsonNode fc, String layer) {
        var out = new ArrayList<String>();
        for (JsonNode f : fc.get("features")) {
            if (f.at("/properties/layer").asText().equals(layer)) {
                out.add(f.at("/properties/name").asText());
            }
        }
        return out;
    }

    @Test
    void theConfigTellsThePageWhereTheDistrictIsAndWhatItCanFilterBy() {
        JsonNode c = server.ok("/api/config");
        assertTrue(c.get("tiles").isNull(), "no tile service: the page draws its own basemap");
        assertEquals(120.138, c.at("/extent/0").asDouble(), 1e-9);
        assertEquals(33.402, c.at("/extent/3").asDouble(), 1e-9);
        assertEquals(4, c.get("kinds").size());
        assertEquals("网格驿站", c.at("/kinds/1/name").asText());
        assertTrue(c.get("services").toString().contains("助残服务站"));
        assertFalse(c.get("basemap_version").asText().isBlank());
        assertEquals(75, c.get("walking_metres_per_minute").asInt());
    }

    @Test
    void aConfiguredTileServiceReachesThePageWithItsApprovalNumber() {
        try (TestServer tiled = TestServer.start(db, Map.of("PARTYMAP_TILE_URL", "https://t{s}.example.cn/{z}/{x}/{y}.png",
                "PARTYMAP_TILE_SUBDOMAINS", "1234", "PARTYMAP_TILE_CRS", "gcj02", "PARTYMAP_TILE_APPROVAL", "GS(2099)0000号"))) {
            JsonNode t = TestServer.json(tiled.get("/api/config")).get("tiles");
            assertEquals("https://t{s}.example.cn/{z}/{x}/{y}.png", t.get("url").asText());
            assertEquals("gcj02", t.get("crs").asText());
            assertEquals("GS(2099)0000号", t.get("approval").asText());
            assertEquals("1234", t.get("subdomains").asText());
        }
    }

    @Test
    void zoomedOutTheBasemapHasOutlinesAndAxesOnly() {
        JsonNode fc = server.ok("/api/basemap?bbox=120.0,33.3,120.3,33.5&z=11");
        assertEquals(List.of("先锋街道"), layers(fc, "subdistrict"));
        assertTrue(layers(fc, "community").isEmpty());
        assertEquals(List.of("人民路", "开放大道", "解放路"), layers(fc, "street").stream().sorted().toList());
        for (String number : fc.toString().split("[^0-9.]+")) {
            assertTrue(!number.contains(".") || number.length() - number.indexOf('.') - 1 <= 4, "at most four decimals at zoom 11: " + number);
        }
    }

    @Test
    void closerUpComeCommunitiesEveryStreetOncePerNameEstatesAndBuildings() {
        JsonNode z14 = server.ok("/api/basemap?" + BOX + "&z=14");
        assertEquals(2, layers(z14, "community").size());
        assertEquals(8, layers(z14, "street").size(), "the eight streets, each one feature");
        assertTrue(layers(z14, "estate").isEmpty());
        JsonNode z15 = server.ok("/api/basemap?bbox=120.14,33.38,120.155,33.395&z=15");
        assertEquals(List.of("万方花园"), layers(z15, "estate"));
        assertTrue(layers(z15, "building").isEmpty());
        JsonNode z16 = server.ok("/api/basemap?bbox=120.14,33.38,120.155,33.395&z=16");
        assertEquals(List.of("1幢", "2幢"), layers(z16, "building").stream().sorted().toList());
        for (JsonNode f : z16.get("features")) {
            String type = f.at("/geometry/type").asText();
            switch (f.at("/properties/layer").asText()) {
                case "subdistrict", "community" -> assertTrue(type.endsWith("LineString"), "outlines are lines: " + type);
                case "street" -> assertTrue(type.endsWith("LineString"));
                default -> assertTrue(type.endsWith("Polygon"));
            }
        }
    }

    @Test
    void outlinesAreClippedToTheBox() {
        JsonNode fc = server.ok("/api/basemap?bbox=120.141,33.381,120.143,33.383&z=18");
        for (JsonNode f : fc.get("features")) {
            assertFalse(f.at("/properties/layer").asText().equals("subdistrict"), "the box is inside the subdistrict, away from its edge");
        }
        JsonNode edge = server.ok("/api/basemap?bbox=120.139,33.381,120.141,33.383&z=18");
        for (JsonNode f : edge.get("features")) {
            if (f.at("/properties/layer").asText().equals("subdistrict")) {
                for (JsonNode c : f.at("/geometry/coordinates")) {
                    double lat = (c.get(0).isArray() ? c.get(0) : c).get(1).asDouble();
                    assertTrue(lat >= 33.381 - 1e-9 && lat <= 33.383 + 1e-9, "clipped: " + c);
                }
            }
        }
    }

    @Test
    void anAnswerCarriesTheLayersVersionsAsItsTagAndIsCachedWhenTheUrlNamesThem() {
        String version = server.ok("/api/config").get("basemap_version").asText();
        HttpResponse<String> plain = server.get("/api/basemap?" + BOX + "&z=14");
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertEquals("no-cache", plain.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> again = server.send(HttpRequest.newBuilder(server.uri("/api/basemap?" + BOX + "&z=14"))
                .header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());
        HttpResponse<String> versioned = server.get("/api/basemap?" + BOX + "&z=14&v=" + version);
        assertEquals("public, max-age=86400", versioned.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> stale = server.get("/api/basemap?" + BOX + "&z=14&v=0-0-0-0-0");
        assertEquals("no-cache", stale.headers().firstValue("Cache-Control").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"z=14", BOX, BOX + "&z=21", BOX + "&z=-1", BOX + "&z=abc", "bbox=120,33,121,34&z=17",
        "bbox=1,2,3&z=14", BOX + "&z=14&z=15"})
    void badBasemapRequestsGetA400NamingTheParameter(String query) {
        HttpResponse<String> r = server.get("/api/basemap?" + query);
        assertEquals(400, r.statusCode(), query + ": " + r.body());
        assertTrue(TestServer.json(r).has("parameter"));
    }
}
