package org.partymap.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * The stations nearest a point, by KNN on the geography index ({@code ORDER BY geom::geography
 * <-> point LIMIT k}), with their straight-line distance in metres on the spheroid.
 */
public final class NearestRepository {

    /** The k nearest stations of the wanted kinds offering the wanted service: listed on the post, or a 服务项目 it runs. */
    static final String NEAR = """
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS pt)
            SELECT st.id, st.kind, st.name, st.address, st.hours, st.phone, st.services, st.grid_id, st.community_id,
                   ST_X(st.geom) AS lon, ST_Y(st.geom) AS lat, ST_Distance(st.geom::geography, p.pt::geography) AS d
              FROM station st, p
             WHERE (?::text[] IS NULL OR st.kind = ANY(?::text[]))
               AND (?::text IS NULL OR ?::text = ANY(st.services)
                    OR EXISTS (SELECT 1 FROM service_project sp WHERE sp.station_id = st.id AND sp.name = ?::text AND sp.deleted_at IS NULL))
             ORDER BY st.geom::geography <-> p.pt::geography
             LIMIT ?""";

    /**
     * {@link #NEAR} as the whole straight-line answer, written by PostGIS; its origin has the members of the walking
     * answer's ({@link NearestAnswer.Origin}): {@code address}, {@code level} and {@code score} only for {@code address=}.
     */
    public static final String STRAIGHT = """
            WITH near AS (%s)
            SELECT json_build_object('mode', 'straight',
                     'origin', json_strip_nulls(json_build_object('lon', ?::float8, 'lat', ?::float8,
                         'address', ?::text, 'level', ?::text, 'score', ?::float8)),
                     'stations', coalesce(json_agg(json_build_object('id', id, 'kind', kind, 'name', name,
                         'address', address, 'hours', hours, 'phone', phone, 'services', services,
                         'grid_id', grid_id, 'community_id', community_id,
                         'lon', round(lon::numeric, 7), 'lat', round(lat::numeric, 7), 'distance_m', round(d))
                       ORDER BY d, id), '[]'::json))::text
              FROM near""".formatted(NEAR);

    /** Given stations, with their distance from the point. */
    private static final String BY_ID = """
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS pt)
            SELECT st.id, st.kind, st.name, st.address, st.hours, st.phone, st.services, st.grid_id, st.community_id,
                   ST_X(st.geom) AS lon, ST_Y(st.geom) AS lat, ST_Distance(st.geom::geography, p.pt::geography) AS d
              FROM station st, p
             WHERE st.id = ANY(?::int[])
             ORDER BY d, st.id""";

    /** The services posts list and the names of the 服务项目 a post runs. */
    private static final String SERVICES = """
            SELECT s FROM (SELECT unnest(services) AS s FROM station
                           UNION SELECT name FROM service_project WHERE station_id IS NOT NULL AND deleted_at IS NULL) all_services
             ORDER BY s""";

    private final DataSource ds;

    public NearestRepository(DataSource ds) {
        this.ds = ds;
    }

    /** The straight-line answer as JSON text. */
    public String straightJson(NearestQuery q) {
        String[] kinds = q.kindArray();
        String service = q.service().orElse(null);
        var place = q.address();
        return Sql.text(ds, STRAIGHT, q.lon(), q.lat(), kinds, kinds, service, service, service, q.limit(), q.lon(), q.lat(),
                place.map(AddressLocator.Place::address).orElse(null), place.map(AddressLocator.Place::level).orElse(null),
                place.map(AddressLocator.Place::score).orElse(null)).orElseThrow();
    }

    /** The {@code k} nearest stations the query wants, nearest first. */
    public List<StationHit> nearest(NearestQuery q, int k) {
        String[] kinds = q.kindArray();
        String service = q.service().orElse(null);
        return Sql.list(ds, NEAR, NearestRepository::hit, q.lon(), q.lat(), kinds, kinds, service, service, service, k);
    }

    /** The given stations (those that exist), nearest first. */
    public List<StationHit> byIds(double lon, double lat, List<Integer> ids) {
        return Sql.list(ds, BY_ID, NearestRepository::hit, lon, lat, ids.toArray(Integer[]::new));
    }

    /** Every service some station offers, sorted. */
    public List<String> services() {
        return Sql.list(ds, SERVICES, rs -> rs.getString(1));
    }

    private static StationHit hit(ResultSet rs) throws SQLException {
        String[] services = (String[]) rs.getArray("services").getArray();
        return new StationHit(rs.getInt("id"), rs.getString("kind"), rs.getString("name"), rs.getString("address"),
                rs.getString("hours"), rs.getString("phone"), Arrays.asList(services),
                (Integer) rs.getObject("grid_id"), (Integer) rs.getObject("community_id"),
                rs.getDouble("lon"), rs.getDouble("lat"), rs.getDouble("d"));
    }
}
