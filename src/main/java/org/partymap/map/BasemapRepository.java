package org.partymap.map;

import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.partymap.db.Sql;

/**
 * The basemap's features in a box, written as GeoJSON by PostGIS: outlines as lines clipped to
 * the box, streets merged per name and class (one feature, one label), estates and buildings as
 * polygons. Every feature carries {@code layer}, {@code name} and {@code class}.
 */
public final class BasemapRepository {

    private static final String FEATURES = """
            WITH b AS (SELECT ST_MakeEnvelope(?, ?, ?, ?, 4326) AS box),
            parts AS (
                SELECT 1 AS ord, 'subdistrict' AS layer, s.name, NULL::text AS class,
                       ST_ClipByBox2D(ST_Boundary(s.geom), b.box) AS geom
                  FROM subdistrict s, b WHERE s.geom && b.box
                UNION ALL
                SELECT 2, 'community', c.name, NULL, ST_ClipByBox2D(ST_Boundary(c.geom), b.box)
                  FROM community c, b WHERE ?::boolean AND c.geom && b.box
                UNION ALL
                SELECT 3, 'estate', e.name, e.kind, e.geom
                  FROM estate e, b WHERE ?::boolean AND e.geom && b.box
                UNION ALL
                SELECT 4, 'building', bu.name, bu.kind, bu.geom
                  FROM building bu, b WHERE ?::boolean AND bu.geom && b.box
                UNION ALL
                SELECT 5, 'street', st.name, st.class, ST_LineMerge(ST_Collect(st.geom))
                  FROM street st, b WHERE st.class = ANY(?::text[]) AND st.geom && b.box
                 GROUP BY st.name, st.class),
            simple AS (
                SELECT ord, layer, name, class, ST_SimplifyPreserveTopology(geom, ?::float8) AS geom FROM parts)
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                     'type', 'Feature',
                     'geometry', ST_AsGeoJSON(geom, ?::int)::json,
                     'properties', json_build_object('layer', layer, 'name', name, 'class', class))
                   ORDER BY ord, name), '[]'::json))::text
              FROM simple
             WHERE NOT ST_IsEmpty(geom)""";

    /** Where the district is: the box around its subdistricts, grids and streets. */
    private static final String EXTENT = """
            SELECT json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))::text
              FROM (SELECT ST_Extent(geom) AS e FROM (
                      SELECT geom FROM subdistrict UNION ALL SELECT geom FROM grid
                      UNION ALL SELECT geom FROM street) x) y
             WHERE e IS NOT NULL""";

    private final DataSource ds;

    public BasemapRepository(DataSource ds) {
        this.ds = ds;
    }

    public String features(Envelope box, BasemapLayers layers) {
        return Sql.text(ds, FEATURES, box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(),
                layers.communities(), layers.estates(), layers.buildings(), layers.streetClasses().toArray(String[]::new),
                layers.tolerance(), layers.digits()).orElseThrow();
    }

    /** {@code [minLon, minLat, maxLon, maxLat]} as JSON, or "null" when there is no data. */
    public String extent() {
        return Sql.text(ds, EXTENT).orElse("null");
    }
}
