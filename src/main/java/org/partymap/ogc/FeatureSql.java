package org.partymap.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;

/**
 * The SQL of one collection, assembled from its definition. Identifiers (the view, its columns)
 * come only from the collection table, which allows nothing but lower-case names; every value a
 * request brings is bound with {@code ?}. PostGIS writes each feature's GeoJSON.
 */
final class FeatureSql {

    /**
     * One feature as GeoJSON text; {@code %s} is the list of its properties. Concatenated rather
     * than built with json_build_object, which would parse each geometry's JSON again: a third
     * faster for polygons.
     */
    private static final String FEATURE = """
            '{"type":"Feature","id":' || f.id || ',"geometry":' || coalesce(ST_AsGeoJSON(f.geom, 7), 'null')
                || ',"properties":' || json_build_object(%s)::text || '}'""";

    private static final String COUNT = "SELECT count(*) FROM %s f WHERE %s";

    /**
     * A page: the ids first, so that the rows an offset skips cost an index entry each, not a
     * GeoJSON document; then the features of those ids.
     */
    private static final String PAGE = """
            WITH page AS (SELECT f.id FROM %1$s f WHERE %2$s ORDER BY f.id LIMIT ? OFFSET ?)
            SELECT %3$s FROM page JOIN %1$s f ON f.id = page.id ORDER BY f.id""";

    private static final String ONE = "SELECT %s FROM %s f WHERE %s AND f.id = ?";

    /** The bounding box and the first and last time of the whole collection. */
    private static final String EXTENT = """
            SELECT ST_XMin(e.box), ST_YMin(e.box), ST_XMax(e.box), ST_YMax(e.box), e.t0, e.t1
              FROM (SELECT ST_Extent(f.geom) AS box, %s FROM %s f WHERE %s) e""";

    private static final String NO_TIME = "NULL::timestamptz AS t0, NULL::timestamptz AS t1";
    private static final String INSTANT_TIME = "min(f.%1$s) AS t0, max(f.%1$s) AS t1";
    /** An interval that is still open (end null) makes the extent open at the end. */
    private static final String INTERVAL_TIME =
            "min(f.%1$s) AS t0, CASE WHEN bool_or(f.%2$s IS NULL) THEN NULL ELSE max(f.%2$s) END AS t1";
    private static final String INTERSECTS_BOX = "ST_Intersects(f.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))";

    /** SQL text and the values to bind, in order. */
    record Statement(String sql, List<Object> params) {
    }

    private final OgcCollection collection;
    private final String source;
    private final String feature;

    FeatureSql(OgcCollection collection) {
        this.collection = collection;
        this.source = "ogc." + quote(collection.view());
        this.feature = FEATURE.formatted(collection.properties().stream()
                .map(p -> "'" + p.name() + "', f." + quote(p.name()))
                .collect(Collectors.joining(", ")));
    }

    Statement count(FeatureQuery q) {
        var params = new ArrayList<>();
        return new Statement(COUNT.formatted(source, conditions(q, params)), params);
    }

    Statement page(FeatureQuery q) {
        var params = new ArrayList<>();
        String where = conditions(q, params);
        params.add(q.limit());
        params.add(q.offset());
        return new Statement(PAGE.formatted(source, where, feature), params);
    }

    Statement one(long id) {
        var params = new ArrayList<>();
        String where = conditions(null, params);
        params.add(id);
        return new Statement(ONE.formatted(feature, source, where), params);
    }

    Statement extent() {
        var params = new ArrayList<>();
        String where = conditions(null, params);
        String time = collection.time().map(t -> t.end()
                        .map(end -> INTERVAL_TIME.formatted(quote(t.start()), quote(end)))
                        .orElse(INSTANT_TIME.formatted(quote(t.start()))))
                .orElse(NO_TIME);
        return new Statement(EXTENT.formatted(time, source, where), params);
    }

    /** The WHERE conditions of the collection and, when given, of a query; adds their values to params. */
    private String conditions(FeatureQuery q, List<Object> params) {
        var and = new ArrayList<String>();
        collection.where().forEach((column, value) -> {
            and.add("f." + quote(column) + " = ?");
            params.add(value);
        });
        if (q != null) {
            q.bbox().ifPresent(box -> {
                and.add(INTERSECTS_BOX);
                params.addAll(corners(box));
            });
            q.datetime().ifPresent(range -> time(range, and, params));
            q.filters().forEach((property, value) -> {
                and.add("f." + quote(property.name()) + " = ?");
                params.add(value);
            });
        }
        return and.isEmpty() ? "true" : String.join(" AND ", and);
    }

    /**
     * Features whose time meets the range [from, until): an instant inside it, or an interval
     * [start, end) that overlaps it.
     */
    private void time(TimeRange range, List<String> and, List<Object> params) {
        Temporal t = collection.time().orElseThrow();
        String start = "f." + quote(t.start());
        if (t.end().isEmpty()) {
            range.from().ifPresent(from -> {
                and.add(start + " >= ?");
                params.add(from);
            });
            range.until().ifPresent(until -> {
                and.add(start + " < ?");
                params.add(until);
            });
            return;
        }
        String end = "f." + quote(t.end().get());
        range.until().ifPresent(until -> {
            and.add(start + " < ?");
            params.add(until);
        });
        range.from().ifPresent(from -> {
            and.add("(" + end + " IS NULL OR " + end + " > ?)");
            params.add(from);
        });
    }

    private static List<Object> corners(Envelope box) {
        return List.of(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
    }

    /** Quotes a name the catalog has already checked to be lower-case letters, digits and _. */
    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
