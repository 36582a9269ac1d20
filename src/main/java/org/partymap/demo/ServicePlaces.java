package org.partymap.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partymap.db.Sql;
import org.partymap.servicetime.OpeningHours;

/**
 * What the service history needs of the district as the database holds it: the grids with their
 * addresses (points, households), their neighbours, the communities with their service hours and
 * 党群服务中心, and the posts that take bookings. Read in id order, so that the same district gives
 * the same history.
 */
final class ServicePlaces {

    private static final String GRIDS = """
            SELECT g.id, g.code, g.name, g.leader_name, g.duties, g.community_id
              FROM grid g ORDER BY g.id""";
    private static final String COMMUNITIES = """
            SELECT c.id, c.name, c.service_hours,
                   (SELECT s.name FROM station s WHERE s.community_id = c.id AND s.kind = 'service_centre' ORDER BY s.id LIMIT 1),
                   (SELECT s.phone FROM station s WHERE s.community_id = c.id AND s.kind = 'service_centre' ORDER BY s.id LIMIT 1)
              FROM community c ORDER BY c.id""";
    private static final String ADDRESSES = """
            SELECT a.grid_id, a.full_address, coalesce(e.name, a.road, a.full_address) AS place, e.name AS estate, a.households,
                   ST_X(a.geom), ST_Y(a.geom)
              FROM address a LEFT JOIN estate e ON e.id = a.estate_id
             WHERE a.grid_id IS NOT NULL
             ORDER BY a.id""";
    /** Grids that share a stretch of boundary. */
    private static final String NEIGHBOURS = """
            SELECT a.id, b.id FROM grid a JOIN grid b ON a.id <> b.id AND a.geom && b.geom AND ST_Relate(a.geom, b.geom, 'F***1****')
             ORDER BY a.id, b.id""";
    private static final String POSTS = """
            SELECT s.id, s.kind, s.hours, coalesce(g.community_id, s.community_id)
              FROM station s LEFT JOIN grid g ON g.id = s.grid_id
             WHERE s.kind IN ('service_centre', 'grid_station') AND s.hours IS NOT NULL
             ORDER BY s.id""";
    /** The grids the demo's worker account serves (auth.DemoAccounts): the first two of the first subdistrict. */
    private static final String WORKER_GRIDS = """
            SELECT g.id FROM grid g JOIN community c ON c.id = g.community_id
             WHERE c.subdistrict_id = (SELECT id FROM subdistrict ORDER BY code LIMIT 1)
             ORDER BY g.code LIMIT 2""";

    record Address(String full, String place, String estate, int households, double lon, double lat) {
    }

    static final class Grid {
        final int id;
        final String name;
        final String leader;
        final List<String> duties;
        final Community community;
        final List<Address> addresses = new ArrayList<>();
        final List<Grid> neighbours = new ArrayList<>();
        int households;

        Grid(int id, String name, String leader, List<String> duties, Community community) {
            this.id = id;
            this.name = name;
            this.leader = leader == null || leader.isBlank() ? name + "网格员" : leader;
            this.duties = duties;
            this.community = community;
        }
    }

    record Community(int id, String name, OpeningHours hours, String centre, String phone, List<String> estates) {
    }

    record Post(int id, String kind, OpeningHours hours, int communityId) {
    }

    final Map<Integer, Community> communities = new LinkedHashMap<>();
    final Map<Integer, Grid> grids = new LinkedHashMap<>();
    final List<Post> posts = new ArrayList<>();
    final List<Integer> workerGrids;

    ServicePlaces(Connection c) throws SQLException {
        for (Object[] r : Sql.list(c, COMMUNITIES, rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5)})) {
            String centre = r[3] == null ? r[1] + "党群服务中心" : (String) r[3];
            communities.put((Integer) r[0], new Community((Integer) r[0], (String) r[1], hours((String) r[2]), centre,
                    r[4] == null ? "社区值班电话" : (String) r[4], new ArrayList<>()));
        }
        for (Object[] r : Sql.list(c, GRIDS, rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getString(4), List.of((String[]) rs.getArray(5).getArray()), rs.getInt(6)})) {
            @SuppressWarnings("unchecked")
            List<String> duties = (List<String>) r[4];
            grids.put((Integer) r[0], new Grid((Integer) r[0], (String) r[2], (String) r[3], duties, communities.get((Integer) r[5])));
        }
        for (Object[] r : Sql.list(c, ADDRESSES, rs -> new Object[] {rs.getInt(1), new Address(rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getDouble(6), rs.getDouble(7))})) {
            Grid g = grids.get((Integer) r[0]);
            Address a = (Address) r[1];
            g.addresses.add(a);
            g.households += a.households();
            if (a.estate() != null && !g.community.estates().contains(a.estate())) {
                g.community.estates().add(a.estate());
            }
        }
        for (int[] n : Sql.list(c, NEIGHBOURS, rs -> new int[] {rs.getInt(1), rs.getInt(2)})) {
            grids.get(n[0]).neighbours.add(grids.get(n[1]));
        }
        for (Object[] r : Sql.list(c, POSTS, rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4)})) {
            try {
                if (r[3] != null) {
                    posts.add(new Post((Integer) r[0], (String) r[1], OpeningHours.parse((String) r[2]), (Integer) r[3]));
                }
            } catch (IllegalArgumentException e) {
                // a post whose hours cannot be read has no slots (as BookingService says), so no bookings
            }
        }
        workerGrids = Sql.list(c, WORKER_GRIDS, rs -> rs.getInt(1));
    }

    /** A community's service hours as the consult service reads them: the default where absent or unreadable. */
    static OpeningHours hours(String text) {
        if (text == null || text.isBlank()) {
            return OpeningHours.DEFAULT_SERVICE;
        }
        try {
            return OpeningHours.parse(text);
        } catch (IllegalArgumentException e) {
            return OpeningHours.DEFAULT_SERVICE;
        }
    }
}
