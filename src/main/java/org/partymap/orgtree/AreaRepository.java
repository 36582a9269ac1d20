package org.partymap.orgtree;

import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.partymap.db.BboxFilter;
import org.partymap.db.Sql;

/** Subdistrict and community polygons, as GeoJSON written by PostGIS. */
public final class AreaRepository {

    private static final String SUBDISTRICTS = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                     'type', 'Feature', 'id', id,
                     'geometry', ST_AsGeoJSON(geom, 6)::json,
                     'properties', json_build_object('id', id, 'code', code, 'name', name,
                         'communities', (SELECT count(*) FROM community c WHERE c.subdistrict_id = s.id)))
                   ORDER BY code), '[]'::json))::text
              FROM subdistrict s
             WHERE""" + " " + BboxFilter.SQL;

    private static final String COMMUNITIES = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                     'type', 'Feature', 'id', c.id,
                     'geometry', ST_AsGeoJSON(c.geom, 6)::json,
                     'properties', json_build_object('id', c.id, 'code', c.code, 'name', c.name,
                         'subdistrict_id', s.id, 'subdistrict', s.name,
                         'grids', (SELECT count(*) FROM grid g WHERE g.community_id = c.id)))
                   ORDER BY c.code), '[]'::json))::text
              FROM community c JOIN subdistrict s ON s.id = c.subdistrict_id
             WHERE (?::int IS NULL OR c.subdistrict_id = ?::int)
               AND""" + " " + BboxFilter.SQL.replace("geom", "c.geom");

    private final DataSource ds;

    public AreaRepository(DataSource ds) {
        this.ds = ds;
    }

    public String subdistricts(Optional<Envelope> bbox) {
        return Sql.text(ds, SUBDISTRICTS, BboxFilter.params(bbox)).orElseThrow();
    }

    public String communities(Optional<Integer> subdistrictId, Optional<Envelope> bbox) {
        Integer sid = subdistrictId.orElse(null);
        return Sql.text(ds, COMMUNITIES, BboxFilter.concat(new Object[] {sid, sid}, BboxFilter.params(bbox))).orElseThrow();
    }
}
