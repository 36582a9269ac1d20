package org.partymap.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

class OgcApiIT {

    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        OgcFixtures.load(db);
        server = TestServer.start(db);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static HttpResponse<String> get(String pathOrUrl, String accept) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : server.uri(pathOrUrl);
        var request = HttpRequest.newBuilder(uri).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return server.send(request.build());
    }

    /** A 200 of the given media type, as JSON. */
    private static JsonNode ok(String pathOrUrl, String mediaType) {
        HttpResponse<String> r = get(pathOrUrl, null);
        assertEquals(200, r.statusCode(), pathOrUrl + ": " + r.body());
        assertEquals(mediaType, r.headers().firstValue("Content-Type").orElse(""), pathOrUrl);
        return TestServer.json(r);
    }

    private static JsonNode items(String query) {
        return ok("/ogc/collections/" + query, "application/geo+json");
    }

    private static List<String> values(JsonNode collection, String property) {
        var out = new ArrayList<String>();
        collection.get("features").forEach(f -> out.add(f.path("properties").path(property).asText()));
        return out;
    }

    private static JsonNode link(JsonNode doc, String rel, String type) {
        for (JsonNode l : doc.get("links")) {
            if (l.get("rel").asText().equals(rel) && l.get("type").asText().equals(type)) {
                return l;
            }
        }
        throw new AssertionError("no " + rel + " link of type " + type + " in " + doc.get("links"));
    }

    private static boolean hasLink(JsonNode doc, String rel) {
        return StreamSupport.stream(doc.get("links").spliterator(), false).anyMatch(l -> l.get("rel").asText().equals(rel));
    }

    @Test
    void theLandingPageLinksTheApiDefinitionConformanceAndData() {
        JsonNode landing = ok("/ogc", "application/json");
        String base = server.uri("").toString();
        assertEquals(base + "/api/openapi.json", link(landing, "service-desc", "application/vnd.oai.openapi+json;version=3.0").get("href").asText());
        assertEquals(base + "/api.html", link(landing, "service-doc", "text/html").get("href").asText());
        assertEquals(base + "/ogc/conformance", link(landing, "conformance", "application/json").get("href").asText());
        assertEquals(base + "/ogc/collections", link(landing, "data", "application/json").get("href").asText());
        assertTrue(link(landing, "self", "application/json").get("href").asText().startsWith(base + "/ogc"));
        assertEquals(200, get(link(landing, "service-desc", "application/vnd.oai.openapi+json;version=3.0").get("href").asText(), null).statusCode());
    }

    @Test
    void aWebMapOnAnotherSiteMayReadTheLayers() {
        for (String path : List.of("/ogc", "/ogc/collections/grids/items", "/ogc/collections/nope")) {
            assertEquals("*", get(path, null).headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
        }
    }

    @Test
    void theServerDeclaresCoreGeoJsonHtmlOpenApiAndQueryables() {
        Set<String> classes = new HashSet<>();
        ok("/ogc/conformance", "application/json").get("conformsTo").forEach(c -> classes.add(c.asText()));
        assertTrue(classes.containsAll(List.of(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters")), classes.toString());
    }

    @Test
    void theCollectionsAreExactlyThePublicTableWithExtentsAndLinks() {
        JsonNode all = ok("/ogc/collections", "application/json");
        var ids = new ArrayList<String>();
        all.get("collections").forEach(c -> ids.add(c.get("id").asText()));
        assertEquals(CollectionCatalog.load().all().stream().map(OgcCollection::id).toList(), ids);
        JsonNode grids = all.get("collections").get(2);
        assertEquals("grids", grids.get("id").asText());
        JsonNode bbox = grids.at("/extent/spatial/bbox/0");
        assertEquals(List.of(120.14, 33.38, 120.16, 33.4), List.of(bbox.get(0).asDouble(), bbox.get(1).asDouble(), bbox.get(2).asDouble(), bbox.get(3).asDouble()));
        assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", grids.at("/extent/spatial/crs").asText());
        assertEquals("2024-01-01T00:00:00Z", grids.at("/extent/temporal/interval/0/0").asText());
        assertEquals("2024-06-01T00:00:00Z", grids.at("/extent/temporal/interval/0/1").asText());
        assertTrue(link(grids, "items", "application/geo+json").get("href").asText().endsWith("/ogc/collections/grids/items?f=json"));
        assertTrue(link(grids, "describedby", "application/schema+json").get("href").asText().endsWith("/grids/schema"));
        assertTrue(hasLink(grids, "http://www.opengis.net/def/rel/ogc/1.0/queryables"));
        assertFalse(all.get("collections").get(9).at("/extent").has("temporal"), "streets have no time");
    }

    @Test
    void aCollectionStillValidHasAnOpenTemporalExtent() {
        JsonNode history = ok("/ogc/collections/grid_history", "application/json");
        assertEquals("2024-01-01T00:00:00Z", history.at("/extent/temporal/interval/0/0").asText());
        assertTrue(history.at("/extent/temporal/interval/0/1").isNull());
    }

    @Test
    void itemsArePagedWithNextAndPrevLinksUntilEveryFeatureIsRead() {
        JsonNode page = items("grids/items?limit=1&community_id=1&f=json");
        var codes = new ArrayList<String>();
        int pages = 0;
        while (true) {
            pages++;
            assertEquals(2, page.get("numberMatched").asInt());
            assertEquals(1, page.get("numberReturned").asInt());
            codes.addAll(values(page, "code"));
            if (!hasLink(page, "next")) {
                break;
            }
            String next = link(page, "next", "application/geo+json").get("href").asText();
            assertTrue(next.contains("community_id=1") && next.contains("limit=1"), next);
            page = ok(next, "application/geo+json");
        }
        assertEquals(2, pages);
        assertEquals(List.of("320902001001001", "320902001001002"), codes);
        assertFalse(link(page, "prev", "application/geo+json").get("href").asText().contains("offset="), "prev goes back to the start");
    }

    @Test
    void theDefaultPageHoldsAHundredAndALargerLimitIsClampedNotRefused() {
        JsonNode all = items("streets/items");
        assertEquals(8, all.get("numberReturned").asInt());
        assertEquals(8, all.get("features").size());
        JsonNode clamped = items("streets/items?limit=50000");
        assertEquals(8, clamped.get("numberReturned").asInt());
        assertTrue(link(clamped, "self", "application/geo+json").get("href").asText().contains("limit=10000"));
        assertTrue(items("streets/items?limit=99999999999999999999999").get("numberReturned").asInt() == 8);
        assertEquals(0, items("streets/items?offset=100").get("numberReturned").asInt());
    }

    @Test
    void aFeatureIsGeoJsonWithItsIdGeometryAndPublicProperties() {
        JsonNode f = items("grids/items?code=320902001001002").get("features").get(0);
        assertEquals("Feature", f.get("type").asText());
        assertEquals(2, f.get("id").asInt());
        assertEquals("MultiPolygon", f.at("/geometry/type").asText());
        assertEquals("第二网格", f.at("/properties/name").asText());
        assertEquals(9, f.at("/properties/duties").size());
        assertFalse(f.get("properties").has("id"));
        JsonNode one = ok("/ogc/collections/grids/items/2", "application/geo+json");
        assertEquals(f.get("properties"), one.get("properties"));
        assertTrue(hasLink(one, "collection") && hasLink(one, "self"));
    }

    @ParameterizedTest
    @CsvSource({
        "grids/items?community_id=1, 2",
        "grids/items?community=健康路社区, 2",
        "grids/items?kind=comprehensive&community_id=2, 2",
        "grids/items?bbox=120.141%2C33.381%2C120.142%2C33.382, 1",
        "grids/items?bbox=120.141%2C33.381%2C0%2C120.142%2C33.382%2C100, 1",
        "grids/items?bbox=121%2C34%2C121.1%2C34.1, 0",
        "grids/items?datetime=2024-06-01, 1",
        "grids/items?datetime=../2024-02-01T00:00:00Z, 3",
        "grids/items?datetime=2024-05-01T00:00:00Z/.., 1",
        "grid_history/items?datetime=2023-12-31T00:00:00Z, 0",
        "grid_history/items?datetime=2024-03-01T00:00:00Z, 4",
        "grid_history/items?datetime=2024-07-01T00:00:00Z, 4",
        "grid_history/items?datetime=2024-07-01T00:00:00Z&version=2, 1",
        "grid_history/items, 5",
        "streets/items?class=axis, 3",
        "grid_stations/items, 1",
        "service_centres/items, 2",
        "service_centres/items?name=健康路社区党群服务中心, 1",
        "reading_rooms/items, 0",
        "addresses/items?road=人民路, 2",
        "buildings/items?kind=residential, 2",
        "buildings/items?number=3, 1",
        "party_groups/items, 2"})
    void filtersKeepOnlyWhatMatches(String query, int expected) {
        JsonNode page = items(query);
        assertEquals(expected, page.get("numberMatched").asInt(), query);
        assertEquals(expected, page.get("features").size(), query);
    }

    @Test
    void theGridsAsTheyWereAtAMomentComeFromTheHistory() {
        JsonNode before = items("grid_history/items?datetime=2024-03-01T00:00:00Z&grid_id=1");
        assertEquals(List.of("第一网格"), values(before, "name"));
        assertEquals("2024-06-01T00:00:00+00:00", before.at("/features/0/properties/valid_to").asText());
        JsonNode after = items("grid_history/items?datetime=2024-07-01T00:00:00Z&grid_id=1");
        assertEquals(List.of("第一网格（调整后）"), values(after, "name"));
        assertTrue(after.at("/features/0/properties/valid_to").isNull());
    }

    @Test
    void aPartyGroupIsDrawnAsItsBuildingsAndItsLeaderIsNotPublished() {
        JsonNode groups = items("party_groups/items");
        JsonNode first = groups.get("features").get(0);
        assertEquals("万方花园第一党小组", first.at("/properties/name").asText());
        assertEquals("MultiPolygon", first.at("/geometry/type").asText());
        assertEquals(2, first.at("/geometry/coordinates").size());
        assertEquals(2, first.at("/properties/buildings").asInt());
        assertTrue(groups.get("features").get(1).get("geometry").isNull(), "a group without buildings has no geometry");
        assertFalse(first.get("properties").has("leader_name"));
    }

    @Test
    void aPartyGroupsStoredShapeFollowsItsBuildingsWhicheverWayTheyMoveAndTheCatalogueExtentWithIt() {
        var ds = db.dataSource();
        assertEquals(List.of(), org.partymap.testing.Invariants.partyGroupShapesAreTheirBuildings(ds));
        int[] groups = Sql.list(ds, "SELECT id FROM party_group ORDER BY id", rs -> rs.getInt(1)).stream().mapToInt(Integer::intValue).toArray();
        assertTrue(groups.length >= 2, "two groups to move buildings between");
        long building = Sql.one(ds, "SELECT min(id) FROM building WHERE party_group_id = ?", rs -> rs.getLong(1), groups[0]).orElseThrow();
        try {
            Sql.update(ds, "UPDATE building SET party_group_id = ? WHERE id = ?", groups[1], building);
            assertEquals(List.of(), org.partymap.testing.Invariants.partyGroupShapesAreTheirBuildings(ds), "after a move");
            assertEquals(1, items("party_groups/items").get("features").get(1).at("/properties/buildings").asInt());
            assertEquals("MultiPolygon", items("party_groups/items").get("features").get(1).at("/geometry/type").asText(),
                    "the group that received a building is drawn at once");
            Sql.update(ds, "UPDATE building SET geom = ST_Translate(geom, 0.0001, 0) WHERE id = ?", building);
            assertEquals(List.of(), org.partymap.testing.Invariants.partyGroupShapesAreTheirBuildings(ds), "after a reshape");
        } finally {
            Sql.update(ds, "UPDATE building SET party_group_id = ?, geom = ST_Translate(geom, -0.0001, 0) WHERE id = ?", groups[0], building);
        }
        assertEquals(List.of(), org.partymap.testing.Invariants.partyGroupShapesAreTheirBuildings(ds), "after the move back");
        JsonNode extent = TestServer.json(get("/ogc/collections/party_groups", null)).at("/extent/spatial/bbox/0");
        double[] box = Sql.one(ds, "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM party_group) x",
                rs -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).orElseThrow();
        for (int i = 0; i < 4; i++) {
            assertEquals(box[i], extent.get(i).asDouble(), 1e-6, "the extent is the stored shapes' " + extent);
        }
    }

    @Test
    void noCollectionPublishesResidentsMemberHouseholdsOrPartyGroupLeaders() {
        for (OgcCollection c : CollectionCatalog.load().all()) {
            String body = get("/ogc/collections/" + c.id() + "/items?limit=10000", null).body();
            for (String secret : List.of(OgcFixtures.SECRET_RESIDENT, OgcFixtures.SECRET_PHONE, OgcFixtures.SECRET_LEADER, "空巢老人", "planner1", "沿人民路调整")) {
                assertFalse(body.contains(secret), c.id() + " shows " + secret);
            }
        }
        assertEquals(404, get("/ogc/collections/residents/items", null).statusCode());
    }

    @Test
    void queryablesAndSchemaAreJsonSchemas() {
        JsonNode q = ok("/ogc/collections/grids/queryables", "application/schema+json");
        assertEquals("https://json-schema.org/draft/2020-12/schema", q.get("$schema").asText());
        assertEquals("object", q.get("type").asText());
        assertEquals("integer", q.at("/properties/community_id/type").asText());
        assertFalse(q.get("properties").has("leader_name"), "only queryable properties");
        assertFalse(q.get("additionalProperties").asBoolean());
        JsonNode s = ok("/ogc/collections/grids/schema", "application/schema+json");
        assertEquals("primary-geometry", s.at("/properties/geometry/x-ogc-role").asText());
        assertEquals("geometry-multipolygon", s.at("/properties/geometry/format").asText());
        assertEquals("primary-instant", s.at("/properties/updated_at/x-ogc-role").asText());
        assertEquals("array", s.at("/properties/duties/type").asText());
        assertEquals("primary-interval-end", ok("/ogc/collections/grid_history/schema", "application/schema+json")
                .at("/properties/valid_to/x-ogc-role").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ogc", "/ogc/conformance", "/ogc/collections", "/ogc/collections/grids",
        "/ogc/collections/grids/items", "/ogc/collections/grids/items/1", "/ogc/collections/grids/queryables",
        "/ogc/collections/grids/schema"})
    void everyResourceIsAlsoAPlainHtmlPageWithoutScript(String path) {
        for (HttpResponse<String> r : List.of(get(path + "?f=html", null), get(path, "text/html,application/xhtml+xml,*/*;q=0.8"))) {
            assertEquals(200, r.statusCode(), path);
            assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
            assertTrue(r.body().startsWith("<!doctype html>") && r.body().contains("/css/ogc.css"), path);
            assertFalse(r.body().contains("<script") || r.body().contains("style=") || r.body().contains("onclick"), path);
        }
        assertTrue(get("/ogc/collections/grids/items?f=html", null).body().contains("莲花路社区第一网格党支部"));
    }

    @Test
    void htmlEscapesWhatTheDataHolds() {
        String html = get("/ogc/collections/estates/items?f=html", null).body();
        assertTrue(html.contains(OgcFixtures.MARKUP_ESTATE.replace("<", "&lt;").replace(">", "&gt;")), html);
        assertFalse(html.contains(OgcFixtures.MARKUP_ESTATE));
        String echoed = get("/ogc/collections/estates/items?f=html&name=%3Cb%3E", null).body();
        assertFalse(echoed.contains("<b>"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/ogc/collections/grids/items?bbox=1,2,3|bbox",
        "/ogc/collections/grids/items?bbox=3,2,1,4|bbox",
        "/ogc/collections/grids/items?bbox=a,b,c,d|bbox",
        "/ogc/collections/grids/items?bbox=0,0,200,1|bbox",
        "/ogc/collections/grids/items?limit=0|limit",
        "/ogc/collections/grids/items?limit=-5|limit",
        "/ogc/collections/grids/items?limit=ten|limit",
        "/ogc/collections/grids/items?limit=1&limit=2|limit",
        "/ogc/collections/grids/items?offset=-1|offset",
        "/ogc/collections/grids/items?offset=1.5|offset",
        "/ogc/collections/grids/items?datetime=yesterday|datetime",
        "/ogc/collections/grids/items?datetime=2024-02-01T00:00:00Z/2024-01-01T00:00:00Z|datetime",
        "/ogc/collections/streets/items?datetime=2024-01-01|datetime",
        "/ogc/collections/grids/items?community_id=abc|community_id",
        "/ogc/collections/grids/items?leader_name=王丽|leader_name",
        "/ogc/collections/grids/items?filter=name%3D1|filter",
        "/ogc/collections/grids/items?f=xml|f",
        "/ogc/collections/grids/items?name=x%27%3B%20DROP%20TABLE%20grid%3B--&bbox=1|bbox"})
    void badParametersGetA400InTheOgcExceptionFormat(String path, String parameter) {
        HttpResponse<String> r = get(path, null);
        assertEquals(400, r.statusCode(), path + ": " + r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode e = TestServer.json(r);
        assertEquals("InvalidParameterValue", e.get("code").asText());
        assertFalse(e.get("description").asText().isBlank());
        assertEquals(parameter, e.get("parameter").asText(), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ogc/collections/residents", "/ogc/collections/residents/items", "/ogc/collections/grids/items/9999",
        "/ogc/collections/grid_stations/items/1", "/ogc/collections/grid_history/items/99999999999999999999",
        "/ogc/collections/grids/items/abc", "/ogc/collections/GRIDS/queryables", "/ogc/no-such-thing"})
    void unknownCollectionsAndFeaturesAre404sInTheOgcExceptionFormat(String path) {
        HttpResponse<String> r = get(path, null);
        assertEquals(404, r.statusCode(), path + ": " + r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("NotFound", TestServer.json(r).get("code").asText());
    }

    @Test
    void errorsOutsideOgcStayProblemJson() {
        HttpResponse<String> r = get("/api/stations?kind=%E7%BD%91%E6%A0%BC", null);
        assertEquals(400, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertFalse(TestServer.json(r).has("code"));
        assertTrue(TestServer.json(r).get("detail").asText().contains("网格"), r.body());
    }

    @Test
    void errorMessagesKeepTheirChinese() {
        HttpResponse<String> r = get("/ogc/collections/%E7%BD%91%E6%A0%BC", null);
        assertEquals(404, r.statusCode());
        assertTrue(TestServer.json(r).get("description").asText().contains("'网格'"), r.body());
    }
}
