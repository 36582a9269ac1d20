package org.partymap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.testing.TestDatabase;

class MigrationIT {

    private static Database db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.fresh();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyTableOfTheDataModelExistsWithAComment() {
        List<String> tables = List.of("subdistrict", "community", "grid", "grid_version", "party_group", "street",
                "estate", "building", "address", "member_household", "station", "resident", "app_user", "session", "audit_log");
        for (String table : tables) {
            String comment = Sql.text(db.dataSource(), "SELECT obj_description(to_regclass(?), 'pg_class')", table).orElse(null);
            assertTrue(comment != null && !comment.isBlank(), table + " has no comment");
        }
    }

    @Test
    void everyGeometryColumnIsInWgs84AndHasAGistIndex() {
        var columns = Sql.list(db.dataSource(), """
                SELECT f_table_name, f_geometry_column, srid FROM geometry_columns WHERE f_table_schema = 'public'""",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)});
        assertTrue(columns.size() >= 10, "geometry columns: " + columns.size());
        for (Object[] c : columns) {
            assertEquals(4326, c[2], c[0] + "." + c[1]);
            boolean indexed = Sql.one(db.dataSource(), """
                    SELECT count(*) > 0 FROM pg_index i
                      JOIN pg_class t ON t.oid = i.indrelid
                      JOIN pg_class ix ON ix.oid = i.indexrelid
                      JOIN pg_am am ON am.oid = ix.relam
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (i.indkey)
                     WHERE t.relname = ? AND a.attname = ? AND am.amname = 'gist'""",
                    rs -> rs.getBoolean(1), c[0], c[1]).orElse(false);
            assertTrue(indexed, c[0] + "." + c[1] + " has no GiST index");
        }
    }

    @Test
    void anInvalidPolygonIsRefusedByTheDatabase() {
        assertThrows(Sql.DataAccessException.class, () -> Sql.update(db.dataSource(), """
                INSERT INTO subdistrict (code, name, geom)
                VALUES ('320902099', '蝴蝶', ST_Multi(ST_GeomFromText('POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))', 4326)))"""));
    }

    @Test
    void aGeometryInAnotherSridIsRefused() {
        assertThrows(Sql.DataAccessException.class, () -> Sql.update(db.dataSource(), """
                INSERT INTO subdistrict (code, name, geom)
                VALUES ('320902098', '投影', ST_Multi(ST_GeomFromText('POLYGON((0 0, 1 0, 1 1, 0 0))', 4549)))"""));
    }

    @Test
    void enumerationsAreChecked() {
        assertThrows(Sql.DataAccessException.class, () -> Sql.update(db.dataSource(), """
                INSERT INTO station (kind, name, geom) VALUES ('bar', '酒吧', ST_SetSRID(ST_MakePoint(120.1, 33.3), 4326))"""));
        assertThrows(Sql.DataAccessException.class, () -> Sql.update(db.dataSource(), """
                INSERT INTO street (name, class, geom) VALUES ('路', 'highway',
                    ST_GeomFromText('LINESTRING(120.1 33.3, 120.2 33.3)', 4326))"""));
    }

    @Test
    void gridCodesFollowTheFifteenDigitPattern() {
        Sql.update(db.dataSource(), """
                INSERT INTO subdistrict (code, name, geom) VALUES ('320902001', '先锋街道',
                    ST_Multi(ST_GeomFromText('POLYGON((120 33, 121 33, 121 34, 120 33))', 4326)))""");
        Sql.update(db.dataSource(), """
                INSERT INTO community (code, name, subdistrict_id, geom)
                SELECT '320902001001', '莲花路社区', id, geom FROM subdistrict""");
        assertThrows(Sql.DataAccessException.class, () -> Sql.update(db.dataSource(), """
                INSERT INTO grid (code, community_id, name, branch_name, geom)
                SELECT 'G1', id, '第一网格', '第一网格党支部', geom FROM community"""));
    }

    @Test
    void residentIdNumbersCanOnlyBeStoredMasked() {
        assertThrows(Sql.DataAccessException.class, () -> Sql.update(db.dataSource(), """
                INSERT INTO resident (name, id_masked, address_text) VALUES ('张三', '320902199001011234', '人民路1号')"""));
        Sql.update(db.dataSource(), """
                INSERT INTO resident (name, id_masked, address_text) VALUES ('张三', '320902********1234', '人民路1号')""");
    }

    @Test
    void careVisitsKeepTheirKindsTheirLengthsAndOneRowPerClientKey() {
        assertTrue(Sql.text(db.dataSource(), "SELECT obj_description('care_visit'::regclass, 'pg_class')").orElse("").contains("走访"));
        Sql.update(db.dataSource(), """
                INSERT INTO subdistrict (code, name, geom) VALUES ('320902009', '走访街道',
                    ST_Multi(ST_GeomFromText('POLYGON((122 33, 123 33, 123 34, 122 33))', 4326)))""");
        Sql.update(db.dataSource(), """
                INSERT INTO community (code, name, subdistrict_id, geom) SELECT '320902009001', '走访社区', id, geom FROM subdistrict WHERE code = '320902009'""");
        Sql.update(db.dataSource(), """
                INSERT INTO grid (code, community_id, name, branch_name, geom)
                SELECT '320902009001001', id, '第一网格', '第一网格党支部', geom FROM community WHERE code = '320902009001'""");
        Sql.update(db.dataSource(), """
                INSERT INTO resident (name, address_text, care_tags, grid_id) SELECT '走访甲', '走访路1号', '{独居老人}', id FROM grid
                 WHERE code = '320902009001001'""");
        String insert = """
                INSERT INTO care_visit (grid_id, address_text, resident_id, kind, visited_on, note, client_key)
                SELECT grid_id, address_text, id, ?, '2026-12-01', ?, ?::uuid FROM resident WHERE name = '走访甲'""";
        String key = "5f0c8a52-1d3e-4b8a-9c61-0d2f7e3a9b14";
        assertEquals(1, Sql.update(db.dataSource(), insert, "home", "老人身体尚好", key));
        assertThrows(Sql.DataAccessException.class, () -> Sql.update(db.dataSource(), insert, "phone", "电话问候", key), "a used key");
        assertThrows(Sql.DataAccessException.class, () -> Sql.update(db.dataSource(), insert, "visit", null,
                "6f0c8a52-1d3e-4b8a-9c61-0d2f7e3a9b14"), "an unknown kind");
        assertThrows(Sql.DataAccessException.class, () -> Sql.update(db.dataSource(), insert, "home", "记".repeat(501),
                "7f0c8a52-1d3e-4b8a-9c61-0d2f7e3a9b14"), "a note over 500 characters");
        assertEquals(1L, Sql.one(db.dataSource(), "SELECT count(*) FROM care_visit", rs -> rs.getLong(1)).orElseThrow());
    }
}
