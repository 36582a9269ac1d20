package org.partymap.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.geo.Crs;
import org.partymap.geo.Gcj02;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;

class LayerImportIT {

    private Database db;
    private LayerImporter importer;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        importer = new LayerImporter(db.dataSource());
        Fixtures.loadSample(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long count(String table) {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM " + table, rs -> rs.getLong(1)).orElseThrow();
    }

    private LayerImportException refused(String text, String fileName, Layer layer) {
        return assertThrows(LayerImportException.class,
                () -> importer.importFile(Fixtures.utf8(text), fileName, layer, Crs.WGS84, "test"));
    }

    private static String station(String name, double lon, double lat) {
        return """
                {"type": "Feature", "properties": {"name": "%s", "kind": "activity_room"},
                 "geometry": {"type": "Point", "coordinates": [%s, %s]}}""".formatted(name, lon, lat);
    }

    @Test
    void theSampleLayersLoadAndPointsLandInTheirGrids() {
        assertEquals(1, count("subdistrict"));
        assertEquals(2, count("community"));
        assertEquals(4, count("grid"));
        assertEquals(8, count("street"));
        assertEquals(4, count("station"));
        assertEquals(0, count("address WHERE grid_id IS NULL"));
        assertEquals(0, count("station WHERE grid_id IS NULL OR community_id IS NULL"));
        assertEquals(0, count("grid WHERE station_id IS NULL"));
        assertEquals(4, count("grid_version WHERE operation = 'import'"));
    }

    @Test
    void aGoodGeoJsonFileIsImported() {
        var result = importer.importFile(Fixtures.utf8("{\"type\": \"FeatureCollection\", \"features\": ["
                + station("新活动室", 120.151, 33.391) + "]}"), "rooms.geojson", Layer.STATIONS, Crs.WGS84, "test");
        assertEquals(1, result.inserted());
        assertEquals(5, count("station"));
        assertEquals(1, count("station s JOIN grid g ON g.id = s.grid_id WHERE s.name = '新活动室' AND g.name = '第二网格'"));
    }

    @Test
    void reimportingAGridUpdatesItAndKeepsItsHistory() {
        importer.importFile(Fixtures.read(java.nio.file.Path.of("data/sample/grids.geojson")), "grids.geojson",
                Layer.GRIDS, Crs.WGS84, "test");
        assertEquals(4, count("grid"));
        assertEquals(4, count("grid WHERE version = 2"));
        assertEquals(8, count("grid_version"));
    }

    @Test
    void textThatIsNotJsonIsRefusedWithItsPosition() {
        var e = refused("{\"type\": \"FeatureCollection\", \"features\": [", "x.geojson", Layer.STATIONS);
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void jsonThatIsNotAFeatureCollectionIsRefused() {
        var e = refused("{\"type\": \"Point\", \"coordinates\": [120.1, 33.3]}", "x.geojson", Layer.STATIONS);
        assertTrue(e.getMessage().contains("FeatureCollection"), e.getMessage());
    }

    @Test
    void aFeatureOfTheWrongGeometryTypeIsNamedAndNothingIsWritten() {
        String polygon = """
                {"type": "Feature", "properties": {"name": "错", "kind": "activity_room"},
                 "geometry": {"type": "Polygon", "coordinates": [[[120.14, 33.38], [120.15, 33.38], [120.15, 33.39], [120.14, 33.38]]]}}""";
        var e = refused("{\"type\": \"FeatureCollection\", \"features\": [" + station("好", 120.151, 33.391) + ", " + polygon + "]}",
                "x.geojson", Layer.STATIONS);
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("feature 2: the geometry is a Polygon"), e.problems().get(0));
        assertEquals(4, count("station"));
    }

    @Test
    void aSelfIntersectingPolygonIsRefusedWithTheReasonAndPlace() {
        String bowtie = """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"name": "蝴蝶网格", "community": "莲花路社区"},
                  "geometry": {"type": "Polygon", "coordinates": [[[120.141, 33.381], [120.149, 33.389], [120.149, 33.381], [120.141, 33.389], [120.141, 33.381]]]}}]}""";
        var e = refused(bowtie, "bad.geojson", Layer.GRIDS);
        assertTrue(e.getMessage().contains("feature 1: the geometry is not valid: Self-intersection at (120.145"), e.getMessage());
        assertEquals(4, count("grid"));
        assertEquals(4, count("grid_version"));
    }

    @Test
    void coordinatesOutsideChinaAreRefused() {
        var e = refused("{\"type\": \"FeatureCollection\", \"features\": [" + station("倒了", 33.39, 120.15) + "]}",
                "swapped.geojson", Layer.STATIONS);
        assertTrue(e.getMessage().contains("outside China"), e.getMessage());
    }

    @Test
    void aMissingRequiredPropertyIsNamed() {
        String noKind = """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "无类型"},
                 "geometry": {"type": "Point", "coordinates": [120.15, 33.39]}}]}""";
        var e = refused(noKind, "x.geojson", Layer.STATIONS);
        assertEquals("feature 1: the property 'kind' is required", e.getMessage());
    }

    @Test
    void anUnknownParentIsNamed() {
        String grid = """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"name": "第九网格", "community": "不存在社区"},
                  "geometry": {"type": "Polygon", "coordinates": [[[120.141, 33.381], [120.142, 33.381], [120.142, 33.382], [120.141, 33.381]]]}}]}""";
        var e = refused(grid, "x.geojson", Layer.GRIDS);
        assertTrue(e.getMessage().contains("there is no community named '不存在社区'"), e.getMessage());
    }

    @Test
    void everyProblemInAFileIsListed() {
        String text = "{\"type\": \"FeatureCollection\", \"features\": [" + station("甲", 1, 1) + ", " + station("乙", 2, 2)
                + ", " + station("丙", 120.15, 33.39) + "]}";
        var e = refused(text, "x.geojson", Layer.STATIONS);
        assertEquals(2, e.problems().size());
        assertTrue(e.problems().get(1).startsWith("feature 2:"));
        assertEquals(4, count("station"));
    }

    @Test
    void aGridWithoutACodeGetsTheNextCodeOfItsCommunity() {
        String grid = """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "第三网格"},
                  "geometry": {"type": "Polygon", "coordinates": [[[120.141, 33.381], [120.142, 33.381], [120.142, 33.382], [120.141, 33.381]]]}}]}""";
        importer.importFile(Fixtures.utf8(grid), "g.geojson", Layer.GRIDS, Crs.WGS84, "test");
        assertEquals(1, count("grid WHERE code = '320902001001003' AND branch_name = '莲花路社区第三网格党支部'"));
    }

    @Test
    void aCsvWithoutALongitudeColumnIsRefused() {
        var e = refused("name,kind,lat\n甲,activity_room,33.39\n", "x.csv", Layer.STATIONS);
        assertTrue(e.getMessage().contains("no longitude column"), e.getMessage());
    }

    @Test
    void aCsvRowWithAWordForACoordinateIsNamedByLine() {
        var e = refused("name,kind,lon,lat\n甲,activity_room,120.15,33.39\n乙,activity_room,东经120,33.39\n", "x.csv", Layer.STATIONS);
        assertTrue(e.getMessage().startsWith("line 3: lon and lat must be decimal numbers"), e.getMessage());
        assertEquals(4, count("station"));
    }

    @Test
    void aRaggedCsvIsRefusedWithItsLine() {
        var e = refused("name,kind,lon,lat\n甲,activity_room,120.15\n", "x.csv", Layer.STATIONS);
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
    }

    @Test
    void aGbkCsvWithChineseHeadersIsDecoded() {
        String csv = "名称,类型,经度,纬度,服务\n盐渎书屋,图书室,120.152,33.392,图书室、阳光助学\n";
        importer.importFile(csv.getBytes(Charset.forName("GBK")), "书屋.csv", Layer.STATIONS, Crs.WGS84, "test");
        assertEquals(1, count("station WHERE name = '盐渎书屋' AND kind = 'reading_room' AND services = '{图书室,阳光助学}'"));
    }

    @Test
    void polygonsCannotComeAsCsv() {
        var e = refused("name,lon,lat\n网格,120.1,33.3\n", "grids.csv", Layer.GRIDS);
        assertTrue(e.getMessage().contains("CSV cannot carry"), e.getMessage());
    }

    @Test
    void gcj02CoordinatesAreConvertedToWgs84ToWithinCentimetres() {
        double lon = 120.1523456;
        double lat = 33.3912345;
        double[] gcj = Gcj02.fromWgs84(lon, lat);
        String csv = "name,kind,lon,lat\n火星站,activity_room," + gcj[0] + "," + gcj[1] + "\n";
        importer.importFile(Fixtures.utf8(csv), "mars.csv", Layer.STATIONS, Crs.GCJ02, "test");
        double metres = Sql.one(db.dataSource(),
                "SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) FROM station WHERE name = '火星站'",
                rs -> rs.getDouble(1), lon, lat).orElseThrow();
        assertTrue(metres < 0.05, "off by " + metres + " m");
    }

    @Test
    void aMultiLineStringStreetBecomesOneRowPerPart() {
        String street = """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "文港路", "class": "主干道"},
                  "geometry": {"type": "MultiLineString", "coordinates": [[[120.141, 33.381], [120.142, 33.382]], [[120.143, 33.383], [120.144, 33.384]]]}}]}""";
        importer.importFile(Fixtures.utf8(street), "s.geojson", Layer.STREETS, Crs.WGS84, "test");
        assertEquals(2, count("street WHERE name = '文港路' AND class = 'main'"));
    }

    @Test
    void houseNumberRangesMustKeepOneParityPerSide() {
        String street = """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"name": "希望大道", "class": "axis", "left_from": 1, "left_to": 20},
                  "geometry": {"type": "LineString", "coordinates": [[120.141, 33.381], [120.142, 33.382]]}}]}""";
        var e = refused(street, "s.geojson", Layer.STREETS);
        assertTrue(e.getMessage().contains("both be odd or both even"), e.getMessage());
    }

    @Test
    void aHugeGeometryIsRefused() {
        var sb = new StringBuilder("[[120.14, 33.38]");
        for (int i = 1; i <= GeometryCheck.MAX_VERTICES + 1; i++) {
            sb.append(", [").append(120.14 + i * 1e-7).append(", 33.38]");
        }
        sb.append("]");
        String street = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": "
                + "{\"name\": \"长路\", \"class\": \"lane\"}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": " + sb + "}}]}";
        var e = refused(street, "s.geojson", Layer.STREETS);
        assertTrue(e.getMessage().contains("vertices"), e.getMessage());
    }
}
