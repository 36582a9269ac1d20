package org.partymap.grid;

import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.partymap.db.BboxFilter;
import org.partymap.db.Sql;
import org.partymap.resident.CareHouseholds;

/** Public grid data, written as (Geo)JSON by PostGIS. Residents appear only as a suppressed count. */
public final class GridRepository {

    /** The public properties of a grid, for lists; {@code g} is the grid, {@code c} its community. */
    private static final String LIST_PROPERTIES = """
            json_build_object('id', g.id, 'code', g.code, 'name', g.name, 'kind', g.kind,
                'dedicated_to', g.dedicated_to, 'branch_name', g.branch_name,
                'leader_name', g.leader_name, 'leader_phone', g.leader_phone,
                'community_id', c.id, 'community', c.name, 'subdistrict_id', s.id, 'subdistrict', s.name,
                'station_id', g.station_id,
                'label', json_build_array(round(ST_X(ST_PointOnSurface(g.geom))::numeric, 6),
                                          round(ST_Y(ST_PointOnSurface(g.geom))::numeric, 6)),
                'households', (SELECT coalesce(sum(a.households), 0) FROM address a WHERE a.grid_id = g.id))""";

    private static final String LIST = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                     'type', 'Feature', 'id', g.id,
                     'geometry', ST_AsGeoJSON(g.geom, 6)::json,
                     'properties', %s) ORDER BY g.code), '[]'::json))::text
              FROM grid g
              JOIN community c ON c.id = g.community_id
              JOIN subdistrict s ON s.id = c.subdistrict_id
             WHERE (?::int IS NULL OR g.community_id = ?::int)
               AND (?::int IS NULL OR c.subdistrict_id = ?::int)
               AND %s""".formatted(LIST_PROPERTIES, BboxFilter.SQL.replace("geom", "g.geom"));

    /**
     * One grid with everything public about it: contacts, duties, its station, counts. The count
     * of vulnerable households is null below {@link CareHouseholds#SUPPRESS_BELOW}.
     */
    private static final String DETAIL = """
            SELECT json_build_object('type', 'Feature', 'id', g.id,
                     'geometry', ST_AsGeoJSON(g.geom, 7)::json,
                     'properties', %s::jsonb || jsonb_build_object(
                         'contacts', g.contacts, 'duties', to_jsonb(g.duties),
                         'version', g.version, 'updated_at', g.updated_at,
                         'area_m2', round(ST_Area(g.geom::geography)),
                         'station', (SELECT json_build_object('id', st.id, 'kind', st.kind, 'name', st.name,
                                         'address', st.address, 'hours', st.hours, 'phone', st.phone,
                                         'services', st.services,
                                         'lon', round(ST_X(st.geom)::numeric, 7), 'lat', round(ST_Y(st.geom)::numeric, 7))
                                       FROM station st WHERE st.id = g.station_id),
                         'counts', json_build_object(
                             'addresses', (SELECT count(*) FROM address a WHERE a.grid_id = g.id),
                             'buildings', (SELECT count(*) FROM building b WHERE b.grid_id = g.id),
                             'party_groups', (SELECT count(*) FROM party_group p WHERE p.grid_id = g.id),
                             'stations', (SELECT count(*) FROM station st WHERE st.grid_id = g.id),
                             'care_households', %s)))::text
              FROM grid g
              JOIN community c ON c.id = g.community_id
              JOIN subdistrict s ON s.id = c.subdistrict_id
             WHERE g.id = ?""".formatted(LIST_PROPERTIES, CareHouseholds.suppressedCountSql("g.id"));

    /** Who serves a point: the grid covering it, with its community, subdistrict and station. */
    private static final String LOCATE = """
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS pt)
            SELECT json_build_object(
                     'lon', ST_X(p.pt), 'lat', ST_Y(p.pt),
                     'subdistrict', json_build_object('id', s.id, 'code', s.code, 'name', s.name),
                     'community', json_build_object('id', c.id, 'code', c.code, 'name', c.name),
                     'grid', json_build_object('id', g.id, 'code', g.code, 'name', g.name, 'kind', g.kind,
                         'dedicated_to', g.dedicated_to, 'branch_name', g.branch_name,
                         'leader_name', g.leader_name, 'leader_phone', g.leader_phone,
                         'contacts', g.contacts, 'duties', g.duties),
                     'station', (SELECT json_build_object('id', st.id, 'kind', st.kind, 'name', st.name,
                                     'address', st.address, 'hours', st.hours, 'phone', st.phone,
                                     'services', st.services,
                                     'lon', round(ST_X(st.geom)::numeric, 7), 'lat', round(ST_Y(st.geom)::numeric, 7),
                                     'distance_m', round(ST_Distance(st.geom::geography, p.pt::geography)))
                                   FROM station st WHERE st.id = g.station_id))::text
              FROM p
              JOIN grid g ON ST_Covers(g.geom, p.pt)
              JOIN community c ON c.id = g.community_id
              JOIN subdistrict s ON s.id = c.subdistrict_id
             ORDER BY g.id
             LIMIT 1""";

    private final DataSource ds;

    public GridRepository(DataSource ds) {
        this.ds = ds;
    }

    public String list(Optional<Integer> community, Optional<Integer> subdistrict, Optional<Envelope> bbox) {
        Integer cid = community.orElse(null);
        Integer sid = subdistrict.orElse(null);
        return Sql.text(ds, LIST, BboxFilter.concat(new Object[] {cid, cid, sid, sid}, BboxFilter.params(bbox))).orElseThrow();
    }

    public Optional<String> detail(int id) {
        return Sql.text(ds, DETAIL, id);
    }

    /** The JSON answer for a point, or empty when no grid covers it. */
    public Optional<String> locate(double lon, double lat) {
        return Sql.text(ds, LOCATE, lon, lat);
    }
}
