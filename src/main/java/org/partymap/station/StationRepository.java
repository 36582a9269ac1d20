package org.partymap.station;

import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.partymap.db.BboxFilter;
import org.partymap.db.Sql;

/** Stations as GeoJSON points. */
public final class StationRepository {

    private static final String LIST = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                     'type', 'Feature', 'id', st.id,
                     'geometry', ST_AsGeoJSON(st.geom, 7)::json,
                     'properties', json_build_object('id', st.id, 'kind', st.kind, 'name', st.name,
                         'address', st.address, 'hours', st.hours, 'phone', st.phone, 'services', st.services,
                         'community_id', st.community_id, 'grid_id', st.grid_id))
                   ORDER BY st.kind, st.id), '[]'::json))::text
              FROM station st
             WHERE (?::text IS NULL OR st.kind = ?::text)
               AND (?::int IS NULL OR st.community_id = ?::int)
               AND %s""".formatted(BboxFilter.SQL.replace("geom", "st.geom"));

    private final DataSource ds;

    public StationRepository(DataSource ds) {
        this.ds = ds;
    }

    public String list(Optional<String> kind, Optional<Integer> community, Optional<Envelope> bbox) {
        String k = kind.orElse(null);
        Integer c = community.orElse(null);
        return Sql.text(ds, LIST, BboxFilter.concat(new Object[] {k, k, c, c}, BboxFilter.params(bbox))).orElseThrow();
    }
}
