package org.partymap.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.partymap.SampleData;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.geo.Crs;
import org.partymap.layer.Layer;
import org.partymap.layer.LayerImporter;

/**
 * Loads the sample layers of {@code data/sample} (one subdistrict, two communities, four grids,
 * eight streets, four stations, five addresses around lon 120.14–120.16, lat 33.38–33.40) through
 * the ordinary import path; and, for access tests, a second subdistrict and seeded residents.
 */
public final class Fixtures {

    /** The sample's subdistrict and the codes of its first and third grids (different communities). */
    public static final String SUBDISTRICT = "320902001";
    public static final String GRID_1 = "320902001001001";
    public static final String GRID_3 = "320902001002001";
    /** The second subdistrict's code and its one grid. */
    public static final String OTHER_SUBDISTRICT = "320902002";
    public static final String OTHER_GRID = "320902002001001";

    /**
     * Seeded residents: names, phones and ID numbers that must never appear in a public answer.
     * Five households with care tags in grid 1 (a count the public may see), two in grid 3 (a
     * count it may not).
     */
    public record Resident(String name, String phone, String idMasked, String address, String gridCode, boolean care) {
    }

    public static final List<Resident> RESIDENTS = List.of(
            new Resident("隐私甲一", "10011112222", "320902********111X", "莲花路12号101室", GRID_1, true),
            new Resident("隐私甲二", "10022223333", "320902********2228", "莲花路12号102室", GRID_1, true),
            new Resident("隐私甲三", "0515-03334444", "320902********3337", "莲花路14号201室", GRID_1, true),
            new Resident("隐私甲四", "10044445555", "320902********4446", "莲花路14号202室", GRID_1, true),
            new Resident("隐私甲五", "10055556666", "320902********5555", "莲花路16号301室", GRID_1, true),
            new Resident("隐私甲六", "10066667777", "320902********6664", "莲花路16号302室", GRID_1, false),
            new Resident("隐私丙一", "10077778888", "320902********7773", "健康路3号101室", GRID_3, true),
            new Resident("隐私丙二", "10088889999", "320902********888X", "健康路3号102室", GRID_3, true));

    private static final String INSERT_RESIDENT = """
            INSERT INTO resident (name, phone, id_masked, address_text, care_tags, grid_id, match_level, imported_by)
            SELECT ?, ?, ?, ?, ?, g.id, 'address', 'fixtures' FROM grid g WHERE g.code = ?""";

    private static final String OTHER_SUBDISTRICT_GEOJSON = """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "320902002", "name": "邻近街道"},
              "geometry": {"type": "Polygon", "coordinates": [[[120.30, 33.30], [120.32, 33.30], [120.32, 33.32], [120.30, 33.32], [120.30, 33.30]]]}}]}""";
    private static final String OTHER_COMMUNITY_GEOJSON = """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "320902002001", "name": "邻近社区", "subdistrict": "320902002"},
              "geometry": {"type": "Polygon", "coordinates": [[[120.30, 33.30], [120.32, 33.30], [120.32, 33.32], [120.30, 33.32], [120.30, 33.30]]]}}]}""";
    private static final String OTHER_GRID_GEOJSON = """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "320902002001001", "name": "邻近第一网格",
              "community": "320902002001", "branch_name": "邻近社区第一网格党支部"},
              "geometry": {"type": "Polygon", "coordinates": [[[120.30, 33.30], [120.32, 33.30], [120.32, 33.32], [120.30, 33.32], [120.30, 33.30]]]}}]}""";

    private Fixtures() {
    }

    public static void loadSample(Database db) {
        SampleData.load(db.dataSource(), Path.of("data"));
    }

    /** A second subdistrict (邻近街道) with one community and one grid, away from the sample. */
    public static void loadOtherSubdistrict(Database db) {
        var importer = new LayerImporter(db.dataSource());
        importer.importFile(utf8(OTHER_SUBDISTRICT_GEOJSON), "s.geojson", Layer.SUBDISTRICTS, Crs.WGS84, "fixtures");
        importer.importFile(utf8(OTHER_COMMUNITY_GEOJSON), "c.geojson", Layer.COMMUNITIES, Crs.WGS84, "fixtures");
        importer.importFile(utf8(OTHER_GRID_GEOJSON), "g.geojson", Layer.GRIDS, Crs.WGS84, "fixtures");
    }

    /** Inserts {@link #RESIDENTS} (the sample must be loaded). */
    public static void seedResidents(Database db) {
        for (Resident r : RESIDENTS) {
            String[] tags = r.care() ? new String[] {"空巢老人"} : new String[0];
            Sql.update(db.dataSource(), INSERT_RESIDENT, r.name(), r.phone(), r.idMasked(), r.address(), tags, r.gridCode());
        }
    }

    public static int id(Database db, String table, String code) {
        if (!List.of("grid", "subdistrict", "community").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return Sql.one(db.dataSource(), "SELECT id FROM " + table + " WHERE code = ?", rs -> rs.getInt(1), code).orElseThrow();
    }

    public static long residentId(Database db, String name) {
        return Sql.one(db.dataSource(), "SELECT id FROM resident WHERE name = ?", rs -> rs.getLong(1), name).orElseThrow();
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
