package org.partymap.planner;

import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * The planner's views, written as JSON by PostGIS: the communities in a planner's scope, a
 * community's grids with their workload, a grid's versions and one version against the current
 * shape. Geometry comes with 9 decimals, so that a vertex the page sends back names the stored
 * vertex exactly. Residents are counted, never listed.
 */
final class PlannerRepository {

    private static final String COMMUNITIES = """
            SELECT json_build_object('communities', coalesce(json_agg(json_build_object(
                     'id', c.id, 'code', c.code, 'name', c.name, 'subdistrict_id', s.id, 'subdistrict', s.name,
                     'grids', (SELECT count(*) FROM grid g WHERE g.community_id = c.id),
                     'households', (SELECT coalesce(sum(a.households), 0) FROM address a JOIN grid g ON g.id = a.grid_id
                                     WHERE g.community_id = c.id),
                     'bbox', json_build_array(round(ST_XMin(c.geom)::numeric, 7), round(ST_YMin(c.geom)::numeric, 7),
                                              round(ST_XMax(c.geom)::numeric, 7), round(ST_YMax(c.geom)::numeric, 7)))
                   ORDER BY s.code, c.code), '[]'::json))::text
              FROM community c JOIN subdistrict s ON s.id = c.subdistrict_id
             WHERE ?::boolean OR c.subdistrict_id = ANY (?::int[])""";

    private static final String SUBDISTRICT_OF_COMMUNITY = "SELECT subdistrict_id FROM community WHERE id = ?";

    /** The subdistrict of a grid, live or retired (its newest version names its community). */
    private static final String SUBDISTRICT_OF_GRID = """
            SELECT c.subdistrict_id FROM community c
             WHERE c.id = coalesce((SELECT g.community_id FROM grid g WHERE g.id = ?),
                                   (SELECT (v.attributes ->> 'community_id')::int FROM grid_version v WHERE v.grid_id = ?
                                     ORDER BY v.version DESC LIMIT 1))""";

    /** Parameters: the target's min and max, their middle, min and max again, the community. */
    private static final String COMMUNITY = """
            SELECT json_build_object(
                     'community', json_build_object('type', 'Feature', 'id', c.id, 'geometry', ST_AsGeoJSON(c.geom, 9)::json,
                         'properties', json_build_object('id', c.id, 'code', c.code, 'name', c.name,
                             'subdistrict_id', s.id, 'subdistrict', s.name)),
                     'target', json_build_object('min', ?::int, 'max', ?::int),
                     'grids', json_build_object('type', 'FeatureCollection', 'features', coalesce((
                         SELECT json_agg(json_build_object('type', 'Feature', 'id', g.id, 'geometry', ST_AsGeoJSON(g.geom, 9)::json,
                                  'properties', json_build_object('id', g.id, 'code', g.code, 'name', g.name, 'kind', g.kind,
                                      'dedicated_to', g.dedicated_to, 'branch_name', g.branch_name, 'leader_name', g.leader_name,
                                      'leader_phone', g.leader_phone, 'contacts', g.contacts, 'duties', g.duties,
                                      'version', g.version, 'etag', '"grid-' || g.id || '-v' || g.version || '"',
                                      'updated_by', g.updated_by, 'updated_at', g.updated_at,
                                      'counts', json_build_object('households', n.households, 'addresses', n.addresses,
                                          'residents', n.residents, 'buildings', n.buildings, 'party_groups', n.party_groups,
                                          'stations', n.stations),
                                      'workload', round(n.households / ?::numeric, 3),
                                      'status', CASE WHEN n.households < ?::int THEN 'under' WHEN n.households > ?::int THEN 'over'
                                                     ELSE 'within' END))
                                ORDER BY g.code)
                           FROM grid g
                           CROSS JOIN LATERAL (SELECT
                                (SELECT coalesce(sum(a.households), 0) FROM address a WHERE a.grid_id = g.id) AS households,
                                (SELECT count(*) FROM address a WHERE a.grid_id = g.id) AS addresses,
                                (SELECT count(*) FROM resident r WHERE r.grid_id = g.id) AS residents,
                                (SELECT count(*) FROM building b WHERE b.grid_id = g.id) AS buildings,
                                (SELECT count(*) FROM party_group p WHERE p.grid_id = g.id) AS party_groups,
                                (SELECT count(*) FROM station st WHERE st.grid_id = g.id) AS stations) n
                          WHERE g.community_id = c.id), '[]'::json)))::text
              FROM community c JOIN subdistrict s ON s.id = c.subdistrict_id
             WHERE c.id = ?""";

    private static final String HISTORY = """
            SELECT json_build_object(
                     'grid', json_build_object('id', max(v.grid_id), 'code', max(v.grid_code), 'live', g.id IS NOT NULL,
                         'version', g.version, 'etag', CASE WHEN g.id IS NULL THEN NULL
                                                            ELSE '"grid-' || g.id || '-v' || g.version || '"' END),
                     'versions', json_agg(json_build_object('version', v.version, 'operation', v.operation, 'reason', v.reason,
                         'changed_by', v.changed_by, 'changed_at', v.changed_at, 'change', v.change_id,
                         'name', v.attributes ->> 'name', 'area_m2', round(ST_Area(v.geom::geography)),
                         'current', v.version = g.version,
                         'together', (SELECT coalesce(json_agg(o.grid_code ORDER BY o.grid_code), '[]'::json) FROM grid_version o
                                       WHERE o.change_id = v.change_id AND o.grid_id <> v.grid_id))
                       ORDER BY v.version DESC))::text
              FROM grid_version v LEFT JOIN grid g ON g.id = v.grid_id
             WHERE v.grid_id = ?
             GROUP BY g.id, g.version""";

    private static final String VERSION = """
            SELECT json_build_object(
                     'version', json_build_object('type', 'Feature', 'id', v.grid_id, 'geometry', ST_AsGeoJSON(v.geom, 9)::json,
                         'properties', v.attributes || jsonb_build_object('grid', v.grid_id, 'code', v.grid_code, 'version', v.version,
                             'operation', v.operation, 'reason', v.reason, 'changed_by', v.changed_by, 'changed_at', v.changed_at)),
                     'current', (SELECT json_build_object('type', 'Feature', 'id', g.id, 'geometry', ST_AsGeoJSON(g.geom, 9)::json,
                                   'properties', json_build_object('grid', g.id, 'code', g.code, 'name', g.name, 'version', g.version,
                                       'etag', '"grid-' || g.id || '-v' || g.version || '"'))
                                   FROM grid g WHERE g.id = v.grid_id),
                     'added', (SELECT ST_AsGeoJSON(ST_Difference(g.geom, v.geom), 9)::json FROM grid g WHERE g.id = v.grid_id),
                     'removed', (SELECT ST_AsGeoJSON(ST_Difference(v.geom, g.geom), 9)::json FROM grid g WHERE g.id = v.grid_id))::text
              FROM grid_version v
             WHERE v.grid_id = ? AND v.version = ?""";

    private final DataSource ds;

    PlannerRepository(DataSource ds) {
        this.ds = ds;
    }

    /** The communities of these subdistricts (all, for {@code everything}). */
    String communities(boolean everything, Set<Integer> subdistricts) {
        return Sql.text(ds, COMMUNITIES, everything, subdistricts.toArray(Integer[]::new)).orElseThrow();
    }

    Optional<Integer> subdistrictOfCommunity(int community) {
        return Sql.one(ds, SUBDISTRICT_OF_COMMUNITY, rs -> rs.getInt(1), community);
    }

    Optional<Integer> subdistrictOfGrid(int grid) {
        return Sql.one(ds, SUBDISTRICT_OF_GRID, rs -> rs.getInt(1), grid, grid);
    }

    Optional<String> community(int community, Target target) {
        return Sql.text(ds, COMMUNITY, target.min(), target.max(), target.middle(), target.min(), target.max(), community);
    }

    Optional<String> history(int grid) {
        return Sql.text(ds, HISTORY, grid);
    }

    Optional<String> version(int grid, int version) {
        return Sql.text(ds, VERSION, grid, version);
    }
}
