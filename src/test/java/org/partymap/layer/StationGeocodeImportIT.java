package org.partymap.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.geo.Crs;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;

class StationGeocodeImportIT {

    private Database db;
    private LayerImporter importer;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        importer = new LayerImporter(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private LayerImporter.Result load(String text, String fileName) {
        return importer.importFile(Fixtures.utf8(text), fileName, Layer.STATIONS, Crs.WGS84, "test");
    }

    private LayerImportException refused(String text, String fileName) {
        return assertThrows(LayerImportException.class, () -> load(text, fileName));
    }

    private String where(String name) {
        return Sql.one(db.dataSource(), """
                SELECT round(ST_X(s.geom)::numeric, 7) || ' ' || round(ST_Y(s.geom)::numeric, 7) || ' ' || g.code
                  FROM station s JOIN grid g ON g.id = s.grid_id WHERE s.name = ?""", rs -> rs.getString(1), name).orElse("");
    }

    private long stations() {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM station", rs -> rs.getLong(1)).orElseThrow();
    }

    @Test
    void aStationsCsvWithAnAddressInsteadOfCoordinatesIsGeocodedAndPutInItsGrid() {
        var result = load("名称,类型,地址\n人民路党员活动室,党员活动室,江苏省盐城市亭湖区人民路12号\n", "stations.csv");
        assertEquals(1, result.geocoded());
        assertTrue(result.describe().contains("1 placed by their address"), result.describe());
        assertEquals("120.1495000 33.3831000 320902001001001", where("人民路党员活动室"));
    }

    @Test
    void rowsWithCoordinatesKeepThemAndRowsWithoutAreGeocoded() {
        var result = load("""
                name,kind,address,lon,lat
                甲活动室,activity_room,健康路15号,,
                乙活动室,activity_room,随便写的地址,120.1511,33.3911
                """, "stations.csv");
        assertEquals(1, result.geocoded());
        assertEquals("120.1553000 33.3852000 320902001002001", where("甲活动室"));
        assertEquals("120.1511000 33.3911000 320902001002002", where("乙活动室"));
    }

    @Test
    void aGeoJsonStationWithoutGeometryButWithAnAddressIsGeocoded() {
        load("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null,
                  "properties": {"name": "解放路图书室", "kind": "reading_room", "address": "解放路40号"}}]}""", "s.geojson");
        assertEquals("120.1473000 33.3895000 320902001001001", where("解放路图书室"));
    }

    @Test
    void anAddressThatCannotBePlacedWithConfidenceRefusesTheFileNamingTheLine() {
        long before = stations();
        var e = refused("name,kind,address\n好活动室,activity_room,人民路12号\n坏活动室,activity_room,人民路\n", "stations.csv");
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("line 3: the address '人民路' cannot be placed with confidence (best: 人民路 at street level"),
                e.problems().toString());
        assertEquals(before, stations(), "nothing was written");
    }

    @Test
    void anAddressThatMatchesNothingIsNamed() {
        var e = refused("name,kind,address\n某活动室,activity_room,火星基地\n", "stations.csv");
        assertTrue(e.problems().get(0).startsWith("line 2: the address '火星基地'"), e.problems().toString());
    }

    @Test
    void aRowWithNeitherPointNorAddressIsNamed() {
        var e = refused("name,kind,address,lon,lat\n某活动室,activity_room,,,\n", "stations.csv");
        assertEquals("line 2: neither lon and lat nor an address to geocode", e.problems().get(0));
    }

    @Test
    void otherPointLayersStillNeedCoordinates() {
        var e = assertThrows(LayerImportException.class, () -> importer.importFile(
                Fixtures.utf8("full_address,address\n人民路99号,人民路99号\n"), "a.csv", Layer.ADDRESSES, Crs.WGS84, "test"));
        assertTrue(e.getMessage().contains("no longitude column"), e.getMessage());
    }
}
