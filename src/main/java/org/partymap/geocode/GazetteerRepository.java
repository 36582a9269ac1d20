package org.partymap.geocode;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.partymap.db.Sql;

/**
 * Reads the gazetteer out of the database: its version and every table it is made of, in one
 * repeatable-read snapshot, so that the version loaded is exactly the version of the data.
 */
public final class GazetteerRepository {

    private static final String VERSION = "SELECT version FROM gazetteer_version";
    private static final String SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
    private static final String SUBDISTRICTS = """
            SELECT s.id, s.code, s.name, ST_AsBinary(s.geom), ST_X(p), ST_Y(p)
              FROM subdistrict s, LATERAL ST_PointOnSurface(s.geom) p""";
    private static final String COMMUNITIES = """
            SELECT c.id, c.code, c.name, c.subdistrict_id, ST_AsBinary(c.geom), ST_X(p), ST_Y(p)
              FROM community c, LATERAL ST_PointOnSurface(c.geom) p""";
    private static final String GRIDS = "SELECT id, code, name, community_id, ST_AsBinary(geom) FROM grid";
    private static final String STREETS = """
            SELECT id, name, left_from, left_to, right_from, right_to, ST_AsBinary(geom) FROM street ORDER BY id""";
    private static final String ESTATES = """
            SELECT e.id, e.name, e.aliases, e.community_id, ST_X(p), ST_Y(p), ST_AsBinary(e.geom)
              FROM estate e, LATERAL ST_PointOnSurface(e.geom) p ORDER BY e.id""";
    private static final String BUILDINGS = """
            SELECT id, estate_id, name, number, grid_id, ST_X(point), ST_Y(point) FROM building ORDER BY id""";
    private static final String ADDRESSES = """
            SELECT a.id, a.full_address, a.road, a.house_number, a.estate_id, coalesce(b.number, b.name), a.unit,
                   a.grid_id, ST_X(a.geom), ST_Y(a.geom)
              FROM address a LEFT JOIN building b ON b.id = a.building_id
             ORDER BY a.id""";
    private static final String STATIONS = """
            SELECT id, kind, name, address, grid_id, ST_X(geom), ST_Y(geom) FROM station ORDER BY id""";

    private final DataSource ds;

    public GazetteerRepository(DataSource ds) {
        this.ds = ds;
    }

    /** The current data version: a cheap query on one row. */
    public long version() {
        return Sql.one(ds, VERSION, rs -> rs.getLong(1)).orElse(0L);
    }

    /** Everything, in one consistent snapshot. */
    public Gazetteer load() {
        return Sql.transaction(ds, c -> {
            Sql.update(c, SNAPSHOT);
            var b = new GazetteerBuilder().version(Sql.one(c, VERSION, rs -> rs.getLong(1)).orElse(0L));
            var wkb = new WKBReader();
            Sql.list(c, SUBDISTRICTS, rs -> b.subdistrict(rs.getInt(1), rs.getString(2), rs.getString(3),
                    geometry(wkb, rs.getBytes(4)), rs.getDouble(5), rs.getDouble(6)));
            Sql.list(c, COMMUNITIES, rs -> b.community(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                    geometry(wkb, rs.getBytes(5)), rs.getDouble(6), rs.getDouble(7)));
            Sql.list(c, GRIDS, rs -> b.grid(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                    geometry(wkb, rs.getBytes(5))));
            Sql.list(c, STREETS, rs -> b.street(rs.getInt(1), rs.getString(2), integer(rs, 3), integer(rs, 4),
                    integer(rs, 5), integer(rs, 6), coordinates(geometry(wkb, rs.getBytes(7)))));
            Sql.list(c, ESTATES, rs -> estate(b, rs, wkb));
            Sql.list(c, BUILDINGS, rs -> b.building(rs.getInt(1), integer(rs, 2), rs.getString(3), rs.getString(4),
                    integer(rs, 5), rs.getDouble(6), rs.getDouble(7)));
            Sql.list(c, ADDRESSES, rs -> b.address(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    integer(rs, 5), rs.getString(6), rs.getString(7), integer(rs, 8), rs.getDouble(9), rs.getDouble(10)));
            Sql.list(c, STATIONS, rs -> b.station(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    integer(rs, 5), rs.getDouble(6), rs.getDouble(7)));
            return b.build();
        });
    }

    private static GazetteerBuilder estate(GazetteerBuilder b, ResultSet rs, WKBReader wkb) throws SQLException {
        double lon = rs.getDouble(5);
        double lat = rs.getDouble(6);
        double radius = 0;
        for (Coordinate v : geometry(wkb, rs.getBytes(7)).getCoordinates()) {
            radius = Math.max(radius, Metres.distance(lon, lat, v.x, v.y));
        }
        Array aliases = rs.getArray(3);
        List<String> names = aliases == null ? List.of() : Arrays.asList((String[]) aliases.getArray());
        return b.estate(rs.getInt(1), rs.getString(2), names, integer(rs, 4), lon, lat, radius);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Geometry geometry(WKBReader reader, byte[] bytes) throws SQLException {
        try {
            return reader.read(bytes);
        } catch (ParseException e) {
            throw new SQLException("unreadable geometry from PostGIS: " + e.getMessage(), e);
        }
    }

    private static double[] coordinates(Geometry line) {
        Coordinate[] cs = line.getCoordinates();
        double[] out = new double[cs.length * 2];
        for (int i = 0; i < cs.length; i++) {
            out[2 * i] = cs[i].x;
            out[2 * i + 1] = cs[i].y;
        }
        return out;
    }
}
