package org.partymap.street;

import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.partymap.db.BboxFilter;
import org.partymap.db.Sql;

/** Street centre lines as GeoJSON. */
public final class StreetRepository {

    public static final java.util.List<String> CLASSES = java.util.List.of("axis", "main", "secondary", "lane");

    private static final String LIST = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                     'type', 'Feature', 'id', id,
                     'geometry', ST_AsGeoJSON(geom, 6)::json,
                     'properties', json_build_object('id', id, 'name', name, 'class', class,
                         'left_from', left_from, 'left_to', left_to, 'right_from', right_from, 'right_to', right_to))
                   ORDER BY id), '[]'::json))::text
              FROM street
             WHERE (?::text IS NULL OR class = ?::text)
               AND""" + " " + BboxFilter.SQL;

    private final DataSource ds;

    public StreetRepository(DataSource ds) {
        this.ds = ds;
    }

    public String list(Optional<String> streetClass, Optional<Envelope> bbox) {
        String c = streetClass.orElse(null);
        return Sql.text(ds, LIST, BboxFilter.concat(new Object[] {c, c}, BboxFilter.params(bbox))).orElseThrow();
    }
}
