package org.partymap.grid.edit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.partymap.db.Sql;
import org.partymap.grid.StreetBlockPolygonizer;
import org.partymap.street.StreetClass;

/**
 * Reads what an edit is resolved against: the community (locked for the transaction, so that
 * saves in one community happen one after the other) and its grids, and — through {@link
 * #context} — streets, addresses and stored versions.
 */
public final class EditRepository {

    private static final String COMMUNITY = """
            SELECT id, code, name, subdistrict_id, ST_AsBinary(geom) FROM community WHERE id = ?""";
    /** Saves in a community queue behind each other: each re-reads the grids after the one before committed. */
    private static final String LOCK_COMMUNITY = "SELECT id FROM community WHERE id = ? FOR NO KEY UPDATE";
    private static final String GRIDS = """
            SELECT id, code, version, ST_AsBinary(geom), name, kind, dedicated_to, branch_name, leader_name, leader_phone,
                   contacts::text, duties
              FROM grid WHERE community_id = ? ORDER BY id""";
    /** The community of a grid: a live one's, else the one its newest stored version names. */
    private static final String COMMUNITY_OF_GRID = """
            SELECT community_id FROM grid WHERE id = ?
            UNION ALL
            (SELECT (attributes ->> 'community_id')::int FROM grid_version WHERE grid_id = ? ORDER BY version DESC LIMIT 1)
            LIMIT 1""";
    private static final String STREETS = """
            SELECT s.id, s.class, ST_AsBinary(s.geom) FROM street s, community c
             WHERE c.id = ? AND s.geom && ST_Expand(c.geom, 0.0005) ORDER BY s.id""";
    private static final String ADDRESSES = """
            SELECT ST_X(a.geom), ST_Y(a.geom), a.households FROM address a, community c
             WHERE c.id = ? AND ST_Covers(c.geom, a.geom)""";
    private static final String VERSION = """
            SELECT grid_id, grid_code, version, operation, (attributes ->> 'community_id')::int, ST_AsBinary(geom), attributes::text
              FROM grid_version WHERE grid_id = ? AND version = ?""";
    private static final String LATEST = """
            SELECT grid_id, grid_code, version, operation, (attributes ->> 'community_id')::int, ST_AsBinary(geom), attributes::text
              FROM grid_version WHERE grid_id = ? ORDER BY version DESC LIMIT 1""";
    /** Codes of live grids and of every grid the community ever had: a code is never given twice. */
    private static final String NEXT_NUMBER = """
            SELECT coalesce(max(right(code, 3)::int), 0) + 1
              FROM (SELECT code FROM grid WHERE left(code, 12) = ?
                    UNION ALL SELECT grid_code FROM grid_version WHERE left(grid_code, 12) = ?) used""";

    private EditRepository() {
    }

    /** The community a grid belongs to (or belonged to, if retired). */
    public static Optional<Integer> communityOfGrid(Connection c, int grid) throws SQLException {
        return Sql.one(c, COMMUNITY_OF_GRID, rs -> (Integer) rs.getObject(1), grid, grid);
    }

    /** The community and its grids; locked until the transaction ends when {@code lock}. */
    public static Optional<CommunityState> load(Connection c, int community, boolean lock) throws SQLException {
        if (lock && Sql.one(c, LOCK_COMMUNITY, rs -> rs.getInt(1), community).isEmpty()) {
            return Optional.empty();
        }
        var head = Sql.one(c, COMMUNITY, rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                Wkb.read(rs.getBytes(5))}, community);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Object[] h = head.get();
        List<GridState> grids = Sql.list(c, GRIDS, EditRepository::grid, community);
        return Optional.of(new CommunityState((int) h[0], (String) h[1], (String) h[2], (int) h[3], (Geometry) h[4], grids));
    }

    private static GridState grid(ResultSet rs) throws SQLException {
        Array duties = rs.getArray(12);
        var attributes = new GridAttributes(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), List.of((String[]) duties.getArray()));
        return new GridState(rs.getInt(1), rs.getString(2), rs.getInt(3), Wkb.read(rs.getBytes(4)), attributes);
    }

    /** What resolving an edit of {@code community} may ask for, read on the transaction's connection when first needed. */
    public static EditContext context(Connection c, CommunityState community, StreetBlocks blocks) {
        return new EditContext() {
            private List<LineString> streets;
            private List<StreetBlockPolygonizer.StreetLine> streetLines;
            private List<double[]> addresses;

            @Override
            public StreetBlockPolygonizer.Blocks blocks() {
                return blocks.of(community, streetLines());
            }

            @Override
            public List<LineString> streets() {
                if (streets == null) {
                    streets = streetLines().stream().map(StreetBlockPolygonizer.StreetLine::line).toList();
                }
                return streets;
            }

            private List<StreetBlockPolygonizer.StreetLine> streetLines() {
                if (streetLines == null) {
                    streetLines = query(() -> EditRepository.streets(c, community.id()));
                }
                return streetLines;
            }

            @Override
            public double households(Geometry shape) {
                if (addresses == null) {
                    addresses = query(() -> EditRepository.addresses(c, community.id()));
                }
                PreparedGeometry inside = PreparedGeometryFactory.prepare(shape);
                double sum = 0;
                for (double[] a : addresses) {
                    if (inside.covers(Shapes.FACTORY.createPoint(new Coordinate(a[0], a[1])))) {
                        sum += a[2];
                    }
                }
                return sum;
            }

            @Override
            public Optional<GridVersion> version(int grid, int version) {
                return query(() -> Sql.one(c, VERSION, EditRepository::version, grid, version));
            }

            @Override
            public Optional<GridVersion> latest(int grid) {
                return query(() -> Sql.one(c, LATEST, EditRepository::version, grid));
            }

            @Override
            public int nextNumber() {
                return query(() -> Sql.one(c, NEXT_NUMBER, rs -> rs.getInt(1), community.code(), community.code()).orElse(1));
            }
        };
    }

    /** The street centre lines in and near a community. */
    public static List<StreetBlockPolygonizer.StreetLine> streets(Connection c, int community) throws SQLException {
        return Sql.list(c, STREETS, rs -> new StreetBlockPolygonizer.StreetLine(rs.getLong(1), StreetClass.parse(rs.getString(2)),
                (LineString) Wkb.read(rs.getBytes(3))), community);
    }

    /** The addresses of a community as {lon, lat, households}. */
    public static List<double[]> addresses(Connection c, int community) throws SQLException {
        return Sql.list(c, ADDRESSES, rs -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getInt(3)}, community);
    }

    private static EditContext.GridVersion version(ResultSet rs) throws SQLException {
        JsonNode a;
        try {
            a = GeoJson.JSON.readTree(rs.getString(7));
        } catch (IOException e) {
            throw new SQLException("grid_version.attributes is not JSON", e);
        }
        var duties = new ArrayList<String>();
        a.path("duties").forEach(d -> duties.add(d.asText()));
        var attributes = new GridAttributes(a.path("name").asText(), a.path("kind").asText("comprehensive"), text(a, "dedicated_to"),
                a.path("branch_name").asText(), text(a, "leader_name"), text(a, "leader_phone"),
                a.path("contacts").isArray() ? a.path("contacts").toString() : "[]", duties);
        return new EditContext.GridVersion(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
                Wkb.read(rs.getBytes(6)), attributes);
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T query(Query<T> q) {
        try {
            return q.run();
        } catch (SQLException e) {
            throw new Sql.DataAccessException(e);
        }
    }
}
