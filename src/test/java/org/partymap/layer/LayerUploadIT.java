package org.partymap.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

class LayerUploadIT {

    private static Database db;
    private static TestServer server;
    private static Session admin;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        TestAccounts.create(db, "uploader", Role.ADMIN);
        server = TestServer.start(db, Map.of("PARTYMAP_IMPORT_MAX_MB", "2"));
        admin = server.login("uploader");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static long count(String sql) {
        return Sql.one(db.dataSource(), sql, rs -> rs.getLong(1)).orElseThrow();
    }

    private static HttpResponse<String> upload(String query, byte[] body, String type) {
        return server.call("POST", "/api/admin/import?" + query).as(admin).body(body, type).send();
    }

    @Test
    void anAdminUploadsAGbkCsvAndItIsImportedIntoItsGridAndAudited() {
        byte[] gbk = "名称,类型,经度,纬度,电话\n新港活动室,activity_room,120.1551,33.3951,0515-00090009\n".getBytes(Charset.forName("GBK"));
        HttpResponse<String> r = upload("layer=stations&name=新港.csv", gbk, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode result = TestServer.json(r);
        assertEquals(1, result.get("inserted").asInt());
        assertEquals(1, result.at("/assigned/stations").asInt(), result.toString());
        assertEquals(1, count("SELECT count(*) FROM station s JOIN grid g ON g.id = s.grid_id WHERE s.name = '新港活动室' AND g.code = '320902001002002'"));
        assertEquals(1, count("""
                SELECT count(*) FROM audit_log WHERE action = 'layer_import' AND username = 'uploader'
                   AND detail->>'layer' = 'stations' AND detail->>'file' = '新港.csv'"""));
    }

    @Test
    void aBrokenFileIsRefusedWholeWithTheLineOfEachProblem() {
        long before = count("SELECT count(*) FROM station");
        byte[] csv = Fixtures.utf8("name,kind,lon,lat\n好的活动室,activity_room,120.145,33.385\n坏的,moon_base,120.145,33.385\n");
        HttpResponse<String> r = upload("layer=stations&format=csv", csv, "text/csv");
        assertEquals(422, r.statusCode(), r.body());
        JsonNode problems = TestServer.json(r).get("problems");
        assertEquals(1, problems.size(), r.body());
        assertTrue(problems.get(0).asText().contains("line 3"), problems.toString());
        assertEquals(before, count("SELECT count(*) FROM station"), "all or nothing");
    }

    @Test
    void gcj02CoordinatesAreConvertedOnTheWayIn() {
        String feature = """
                {"type": "Feature", "properties": {"name": "火星坐标活动室", "kind": "activity_room"},
                 "geometry": {"type": "Point", "coordinates": [120.1512, 33.3838]}}""";
        HttpResponse<String> r = upload("layer=stations&crs=gcj02", Fixtures.utf8(feature), "application/geo+json");
        assertEquals(200, r.statusCode(), r.body());
        double lon = Sql.one(db.dataSource(), "SELECT ST_X(geom) FROM station WHERE name = '火星坐标活动室'", rs -> rs.getDouble(1)).orElseThrow();
        assertTrue(Math.abs(lon - 120.1512) > 0.003, "moved back from GCJ-02 by several hundred metres: " + lon);
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedBeforeItIsRead() {
        HttpResponse<String> r = upload("layer=stations", new byte[2 * 1024 * 1024 + 1], "application/geo+json");
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(TestServer.json(r).get("detail").asText().contains("2 MB"), r.body());
    }

    @Test
    void aMissingOrUnknownLayerIsNamed() {
        HttpResponse<String> none = upload("crs=wgs84", Fixtures.utf8("{}"), "application/geo+json");
        assertEquals(400, none.statusCode());
        assertEquals("layer", TestServer.json(none).get("parameter").asText());
        HttpResponse<String> unknown = upload("layer=residents", Fixtures.utf8("{}"), "application/geo+json");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown layer"), unknown.body());
    }
}
