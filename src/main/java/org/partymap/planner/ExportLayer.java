package org.partymap.planner;

import java.util.List;

/**
 * The layers a planner exports for QGIS, their columns (name and GeoPackage type) and geometry
 * type. Each layer's SQL selects exactly these columns, then the geometry as WKB; the scope
 * parameters select subdistricts (all, or a list) and optionally one community.
 */
enum ExportLayer {

    GRIDS("grids", "MULTIPOLYGON", List.of(
            col("id", "INTEGER"), col("code", "TEXT"), col("name", "TEXT"), col("kind", "TEXT"), col("dedicated_to", "TEXT"),
            col("community_code", "TEXT"), col("community", "TEXT"), col("subdistrict", "TEXT"), col("branch_name", "TEXT"),
            col("leader_name", "TEXT"), col("leader_phone", "TEXT"), col("households", "INTEGER"), col("addresses", "INTEGER"),
            col("buildings", "INTEGER"), col("residents", "INTEGER"), col("party_groups", "INTEGER"), col("stations", "INTEGER"),
            col("version", "INTEGER"), col("updated_at", "TEXT")), """
            SELECT g.id, g.code, g.name, g.kind, g.dedicated_to, c.code, c.name, s.name, g.branch_name, g.leader_name, g.leader_phone,
                   (SELECT coalesce(sum(a.households), 0) FROM address a WHERE a.grid_id = g.id),
                   (SELECT count(*) FROM address a WHERE a.grid_id = g.id),
                   (SELECT count(*) FROM building b WHERE b.grid_id = g.id),
                   (SELECT count(*) FROM resident r WHERE r.grid_id = g.id),
                   (SELECT count(*) FROM party_group p WHERE p.grid_id = g.id),
                   (SELECT count(*) FROM station st WHERE st.grid_id = g.id),
                   g.version, to_char(g.updated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS+08:00'),
                   ST_AsBinary(g.geom)
              FROM grid g JOIN community c ON c.id = g.community_id JOIN subdistrict s ON s.id = c.subdistrict_id
             WHERE (?::boolean OR c.subdistrict_id = ANY (?::int[])) AND (?::int IS NULL OR c.id = ?::int)
             ORDER BY g.code"""),

    COMMUNITIES("communities", "MULTIPOLYGON", List.of(
            col("id", "INTEGER"), col("code", "TEXT"), col("name", "TEXT"), col("subdistrict_code", "TEXT"), col("subdistrict", "TEXT"),
            col("grids", "INTEGER"), col("households", "INTEGER")), """
            SELECT c.id, c.code, c.name, s.code, s.name,
                   (SELECT count(*) FROM grid g WHERE g.community_id = c.id),
                   (SELECT coalesce(sum(a.households), 0) FROM address a JOIN grid g ON g.id = a.grid_id WHERE g.community_id = c.id),
                   ST_AsBinary(c.geom)
              FROM community c JOIN subdistrict s ON s.id = c.subdistrict_id
             WHERE (?::boolean OR c.subdistrict_id = ANY (?::int[])) AND (?::int IS NULL OR c.id = ?::int)
             ORDER BY c.code"""),

    STATIONS("stations", "POINT", List.of(
            col("id", "INTEGER"), col("kind", "TEXT"), col("kind_name", "TEXT"), col("name", "TEXT"), col("address", "TEXT"),
            col("hours", "TEXT"), col("phone", "TEXT"), col("services", "TEXT"), col("community", "TEXT"), col("grid_code", "TEXT"),
            col("grid", "TEXT")), """
            SELECT st.id, st.kind,
                   CASE st.kind WHEN 'service_centre' THEN '党群服务中心' WHEN 'grid_station' THEN '网格驿站'
                                WHEN 'activity_room' THEN '党员活动室' WHEN 'reading_room' THEN '图书室' END,
                   st.name, st.address, st.hours, st.phone, array_to_string(st.services, '；'), c.name, g.code, g.name,
                   ST_AsBinary(st.geom)
              FROM station st JOIN community c ON c.id = st.community_id LEFT JOIN grid g ON g.id = st.grid_id
             WHERE (?::boolean OR c.subdistrict_id = ANY (?::int[])) AND (?::int IS NULL OR c.id = ?::int)
             ORDER BY st.kind, st.name""");

    /** A column: its name and GeoPackage type (TEXT or INTEGER). */
    record Column(String name, String type) {
    }

    private final String id;
    private final String geometryType;
    private final List<Column> columns;
    private final String sql;

    ExportLayer(String id, String geometryType, List<Column> columns, String sql) {
        this.id = id;
        this.geometryType = geometryType;
        this.columns = columns;
        this.sql = sql;
    }

    private static Column col(String name, String type) {
        return new Column(name, type);
    }

    String id() {
        return id;
    }

    String geometryType() {
        return geometryType;
    }

    List<Column> columns() {
        return columns;
    }

    String sql() {
        return sql;
    }

    static List<String> ids() {
        return List.of(GRIDS.id, COMMUNITIES.id, STATIONS.id);
    }

    static ExportLayer of(String id) {
        for (ExportLayer l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
