package org.partymap.grid;

import java.sql.Connection;
import java.sql.SQLException;
import org.partymap.db.Sql;

/**
 * Puts things in the grid that covers them: addresses and stations by their point, buildings by
 * the point on their surface. A point on a boundary shared by two grids goes to the grid with the
 * lower id, so that it belongs to exactly one. Also fills in what follows from location: the
 * community of estates and stations, and the station that serves each grid that has none (its
 * 网格驿站, else its community's 党群服务中心).
 */
public final class GridAssignment {

    private static final String ASSIGN_POINTS = """
            UPDATE %1$s t SET grid_id = n.grid_id
              FROM (SELECT x.id, (SELECT g.id FROM grid g WHERE ST_Covers(g.geom, x.%2$s) ORDER BY g.id LIMIT 1) AS grid_id
                      FROM %1$s x) n
             WHERE t.id = n.id AND t.grid_id IS DISTINCT FROM n.grid_id""";

    private static final String STATION_COMMUNITY = """
            UPDATE station st SET community_id = (SELECT c.id FROM community c WHERE ST_Covers(c.geom, st.geom) ORDER BY c.id LIMIT 1)
             WHERE st.community_id IS NULL""";

    private static final String ESTATE_COMMUNITY = """
            UPDATE estate e SET community_id = (SELECT c.id FROM community c
                                                 WHERE ST_Covers(c.geom, ST_PointOnSurface(e.geom)) ORDER BY c.id LIMIT 1)
             WHERE e.community_id IS NULL""";

    private static final String GRID_STATION = """
            UPDATE grid g SET station_id = coalesce(
                     (SELECT st.id FROM station st WHERE st.kind = 'grid_station' AND st.grid_id = g.id ORDER BY st.id LIMIT 1),
                     (SELECT st.id FROM station st WHERE st.kind = 'service_centre' AND st.community_id = g.community_id
                       ORDER BY st.id LIMIT 1))
             WHERE g.station_id IS NULL""";

    /** How many rows changed. */
    public record Counts(int addresses, int buildings, int stations) {
    }

    private GridAssignment() {
    }

    /** Reassigns every address, building and station whose grid is not the one covering it. */
    public static Counts assignAll(Connection c) throws SQLException {
        int addresses = Sql.update(c, ASSIGN_POINTS.formatted("address", "geom"));
        int buildings = Sql.update(c, ASSIGN_POINTS.formatted("building", "point"));
        Sql.update(c, STATION_COMMUNITY);
        int stations = Sql.update(c, ASSIGN_POINTS.formatted("station", "geom"));
        Sql.update(c, ESTATE_COMMUNITY);
        Sql.update(c, GRID_STATION);
        return new Counts(addresses, buildings, stations);
    }
}
