package org.partymap.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partymap.planner.PlannerApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grids, communities and stations exported for QGIS, as GeoJSON and as a GeoPackage opened here with NGA's library. */
class PlannerExportIT {

    private static PlannerApi api;

    @BeforeAll
    static void start() {
        api = new PlannerApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theGridsAsGeoJsonCarryTheirCodesAndCountsAndNoResident() {
        var r = api.get("/api/planner/export?format=geojson&layer=grids");
        JsonNode fc = ok(r);
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains(".geojson"));
        assertEquals(3, fc.path("features").size(), "the planner's subdistrict only: " + fc);
        JsonNode first = fc.at("/features/0");
        assertEquals(PlannerDistrict.GRIDS[0], first.at("/properties/code").asText());
        assertEquals("规划社区", first.at("/properties/community").asText());
        assertEquals(8 * 3, first.at("/properties/residents").asInt(), first.toString());
        assertEquals(8, first.at("/properties/addresses").asInt());
        assertEquals("Polygon", first.at("/geometry/type").asText().replace("Multi", ""));
        assertFalse(r.body().contains("规划居民"));
        JsonNode stations = ok(api.get("/api/planner/export?format=geojson&layer=stations"));
        assertEquals(3, stations.path("features").size());
        assertEquals(400, api.get("/api/planner/export?format=geojson").statusCode(), "a GeoJSON export is one layer");
    }

    @Test
    void theGeoPackageOpensWithItsThreeLayersAndTheirFeatures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.gpkg");
        var r = bytes("/api/planner/export?community=" + PlannerDistrict.community(api.db));
        assertEquals(200, r.statusCode());
        assertEquals("application/geopackage+sqlite3", r.headers().firstValue("Content-Type").orElse(""));
        Files.write(file, r.body());
        try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
            assertEquals(List.of("communities", "grids", "stations"), gp.getFeatureTables().stream().sorted().toList());
            List<Map<String, Object>> grids = rows(gp.getFeatureDao("grids"));
            assertEquals(3, grids.size());
            assertEquals(List.of(PlannerDistrict.GRIDS[0], PlannerDistrict.GRIDS[1], PlannerDistrict.GRIDS[2]),
                    grids.stream().map(g -> g.get("code")).toList());
            assertEquals(24L, grids.get(0).get("residents"));
            assertEquals("MULTIPOLYGON", grids.get(0).get("geometry_type"));
            assertEquals(4326L, gp.getFeatureDao("grids").getSrs().getOrganizationCoordsysId());
            List<Map<String, Object>> stations = rows(gp.getFeatureDao("stations"));
            assertEquals(3, stations.size());
            assertTrue(stations.stream().anyMatch(s -> "网格驿站".equals(s.get("kind_name")) && PlannerDistrict.GRIDS[0].equals(s.get("grid_code"))),
                    stations.toString());
            assertEquals(1, rows(gp.getFeatureDao("communities")).size());
        }
    }

    @Test
    void aPlannerExportsOnlyTheirOwnSubdistricts() {
        var outsider = api.server.login("outsider");
        var r = api.server.call("GET", "/api/planner/export?format=geojson&layer=grids&community=" + PlannerDistrict.community(api.db))
                .as(outsider).send();
        assertEquals(403, r.statusCode(), r.body());
        JsonNode theirs = ok(api.server.call("GET", "/api/planner/export?format=geojson&layer=grids").as(outsider).send());
        assertEquals(1, theirs.path("features").size());
        assertFalse(theirs.toString().contains(PlannerDistrict.COMMUNITY));
        assertEquals(401, api.server.call("GET", "/api/planner/export").send().statusCode());
        assertEquals(403, api.server.call("GET", "/api/planner/export").as(api.server.login("worker")).send().statusCode());
        JsonNode all = ok(api.server.call("GET", "/api/planner/export?format=geojson&layer=grids").as(api.server.login("admin")).send());
        assertEquals(4, all.path("features").size(), "an admin exports everything");
    }

    private static HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(api.server.uri(path)).header("Cookie", api.planner.cookie()).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<Map<String, Object>> rows(FeatureDao dao) {
        var out = new ArrayList<Map<String, Object>>();
        FeatureResultSet rs = dao.queryForAll();
        try {
            while (rs.moveToNext()) {
                FeatureRow row = rs.getRow();
                var values = new HashMap<String, Object>();
                for (String column : row.getColumnNames()) {
                    if (!column.equals(row.getGeometryColumnName())) {
                        values.put(column, row.getValue(column));
                    }
                }
                values.put("geometry_type", row.getGeometryType().getName());
                out.add(values);
            }
        } finally {
            rs.close();
        }
        return out;
    }
}
