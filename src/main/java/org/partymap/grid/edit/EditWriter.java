package org.partymap.grid.edit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.partymap.db.Sql;
import org.partymap.grid.GridHistory;

/**
 * Applies an outcome in the caller's transaction: writes the grids it creates, changes and
 * retires, then puts everything in the affected area into the grid that now covers it — the same
 * rule as {@link org.partymap.grid.GridAssignment} (a point on a shared boundary goes to the grid
 * with the lower id), restricted to the land that changed hands and the grids retired. What moved comes
 * back from the updates themselves ({@code RETURNING}), so a preview (rolled back) and a save
 * (committed) report the same thing by construction.
 */
final class EditWriter {

    private static final String INSERT_GRID = """
            INSERT INTO grid (code, community_id, kind, dedicated_to, name, branch_name, leader_name, leader_phone,
                              contacts, duties, version, updated_by, geom)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ST_Multi(?::geometry)) RETURNING id""";
    private static final String RESTORE_GRID = """
            INSERT INTO grid (id, code, community_id, kind, dedicated_to, name, branch_name, leader_name, leader_phone,
                              contacts, duties, version, updated_by, geom)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ST_Multi(?::geometry)) RETURNING id""";
    private static final String UPDATE_GRID = """
            UPDATE grid SET geom = ST_Multi(?::geometry), kind = ?, dedicated_to = ?, name = ?, branch_name = ?,
                            leader_name = ?, leader_phone = ?, contacts = ?::jsonb, duties = ?,
                            version = version + 1, updated_by = ?, updated_at = now()
             WHERE id = ? AND version = ?""";
    private static final String BUMP_GRID = "UPDATE grid SET version = version + 1, updated_by = ?, updated_at = now() WHERE id = ?";
    private static final String DELETE_GRIDS = "DELETE FROM grid WHERE id = ANY (?::int[])";

    /**
     * Puts the rows of a point layer into the covering grid. Candidates: rows of the grids retired
     * (?4) and rows on the land that changed hands (?5, EWKB: what a grid gained or lost); a row
     * elsewhere is covered by the same grids as before. Retired grids (?1) cover nothing; a row no
     * grid covers keeps its grid, or if that grid is retired goes to the grid that absorbed it (?2
     * retired, ?3 absorbers, in the same order). The candidates are materialised first so that
     * the update joins them by primary key, never by a scan of the whole table.
     */
    private static final String REASSIGN_POINTS = """
            WITH n AS MATERIALIZED (
              SELECT x.id, x.grid_id AS old,
                     coalesce((SELECT g.id FROM grid g WHERE ST_Covers(g.geom, x.%2$s) AND g.id <> ALL (?::int[])
                                ORDER BY g.id LIMIT 1),
                              CASE WHEN x.grid_id = ANY (?::int[]) THEN (?::int[])[array_position(?::int[], x.grid_id)]
                                   ELSE x.grid_id END) AS new
                FROM %1$s x
               WHERE x.grid_id = ANY (?::int[]) OR ST_Intersects(x.%2$s, ?::geometry)),
            moved AS (
              UPDATE %1$s t SET grid_id = n.new FROM n
               WHERE t.id = n.id AND n.new IS DISTINCT FROM n.old
              RETURNING t.id, n.old, n.new, %3$s AS label, %4$s AS households)
            SELECT id, old, new, label, households FROM moved ORDER BY id""";

    /** Residents: by their point; without one, by their address; else as above. Only counts come back. */
    private static final String REASSIGN_RESIDENTS = """
            WITH n AS MATERIALIZED (
              SELECT x.id, x.grid_id AS old,
                     coalesce(CASE WHEN x.geom IS NOT NULL
                                   THEN (SELECT g.id FROM grid g WHERE ST_Covers(g.geom, x.geom) AND g.id <> ALL (?::int[])
                                          ORDER BY g.id LIMIT 1)
                                   ELSE (SELECT a.grid_id FROM address a WHERE a.id = x.address_id) END,
                              CASE WHEN x.grid_id = ANY (?::int[]) THEN (?::int[])[array_position(?::int[], x.grid_id)]
                                   ELSE x.grid_id END) AS new
                FROM resident x
               WHERE x.grid_id = ANY (?::int[]) OR ST_Intersects(x.geom, ?::geometry)
                  OR x.geom IS NULL AND x.address_id = ANY (?::int[])),
            moved AS (
              UPDATE resident t SET grid_id = n.new FROM n
               WHERE t.id = n.id AND n.new IS DISTINCT FROM n.old
              RETURNING n.old, n.new)
            SELECT old, new, count(*) FROM moved GROUP BY old, new ORDER BY old NULLS FIRST, new NULLS FIRST""";

    /**
     * Party groups whose buildings or member households moved (or whose grid is retired) go to the
     * grid that holds most of their buildings, else most of their member households.
     */
    private static final String REASSIGN_PARTY_GROUPS = """
            WITH n AS MATERIALIZED (
              SELECT p.id, p.grid_id AS old,
                     coalesce((SELECT b.grid_id FROM building b WHERE b.party_group_id = p.id AND b.grid_id IS NOT NULL
                                GROUP BY b.grid_id ORDER BY count(*) DESC, b.grid_id LIMIT 1),
                              (SELECT a.grid_id FROM member_household m JOIN address a ON a.id = m.address_id
                                WHERE m.party_group_id = p.id AND a.grid_id IS NOT NULL
                                GROUP BY a.grid_id ORDER BY count(*) DESC, a.grid_id LIMIT 1),
                              CASE WHEN p.grid_id = ANY (?::int[]) THEN (?::int[])[array_position(?::int[], p.grid_id)]
                                   ELSE p.grid_id END) AS new
                FROM party_group p
               WHERE p.grid_id = ANY (?::int[])
                  OR p.id IN (SELECT b.party_group_id FROM building b WHERE b.id = ANY (?::int[]))
                  OR p.id IN (SELECT m.party_group_id FROM member_household m WHERE m.address_id = ANY (?::int[]))),
            moved AS (
              UPDATE party_group t SET grid_id = n.new FROM n
               WHERE t.id = n.id AND n.new IS DISTINCT FROM n.old
              RETURNING t.id, n.old, n.new, t.name)
            SELECT id, old, new, name FROM moved ORDER BY id""";

    /** A grid touched whose serving station is no longer its own post nor its community's centre gets one again. */
    private static final String GRID_STATIONS = """
            UPDATE grid g SET station_id = coalesce(
                     (SELECT st.id FROM station st WHERE st.kind = 'grid_station' AND st.grid_id = g.id ORDER BY st.id LIMIT 1),
                     (SELECT st.id FROM station st WHERE st.kind = 'service_centre' AND st.community_id = g.community_id
                       ORDER BY st.id LIMIT 1))
             WHERE g.id = ANY (?::int[])
               AND (g.station_id IS NULL OR NOT EXISTS (SELECT 1 FROM station st WHERE st.id = g.station_id
                        AND (st.grid_id = g.id OR st.kind = 'service_centre' AND st.community_id = g.community_id)))""";

    /**
     * 走访 visits follow the residents they were paid to (resident_id), so that a household keeps
     * its history in the grid that now serves it and a retired grid holds none (?1 the grids
     * whose residents may have moved: the retired and the changed).
     */
    private static final String REASSIGN_CARE_VISITS = """
            UPDATE care_visit v SET grid_id = r.grid_id FROM resident r
             WHERE r.id = v.resident_id AND r.grid_id IS NOT NULL AND v.grid_id <> r.grid_id
               AND (v.grid_id = ANY (?::int[]) OR r.grid_id = ANY (?::int[]))""";

    /**
     * 社区通 questions of a retired grid go to the grid that absorbed it (?1 retired, ?2 heirs, in
     * the same order), with their history: the grid's workers there answer them now.
     */
    private static final String INHERIT_QUESTIONS = """
            UPDATE question q SET grid_id = h.heir FROM unnest(?::int[], ?::int[]) AS h(retired, heir) WHERE q.grid_id = h.retired""";

    /**
     * 微心愿 follow the residents they are for, like visits; a wish for no one in a retired grid goes
     * to its heir (?1 touched grids twice, then ?3 retired and ?4 heirs).
     */
    private static final String REASSIGN_WISHES = """
            UPDATE wish w SET grid_id = r.grid_id FROM resident r
             WHERE r.id = w.resident_id AND r.grid_id IS NOT NULL AND w.grid_id <> r.grid_id
               AND (w.grid_id = ANY (?::int[]) OR r.grid_id = ANY (?::int[]))""";
    private static final String INHERIT_WISHES = """
            UPDATE wish w SET grid_id = h.heir FROM unnest(?::int[], ?::int[]) AS h(retired, heir) WHERE w.grid_id = h.retired""";

    /** The grid workers of one grid serve another too (a retired grid's its heir, a new grid's its origin). */
    private static final String SHARE_SCOPE = """
            INSERT INTO app_user_grid (user_id, grid_id) SELECT user_id, ? FROM app_user_grid WHERE grid_id = ?
            ON CONFLICT DO NOTHING""";

    private EditWriter() {
    }

    /** Who saves, and for a save (not a preview) the change to record versions under. */
    record Recording(Long changeId, String reason, String changedBy) {
        boolean records() {
            return changeId != null;
        }
    }

    /** Ids of the grids by key (new grids get theirs here) and what moved. */
    record Applied(Map<Integer, Integer> ids, Impact impact) {
    }

    static Applied apply(Connection c, Outcome outcome, Recording rec) throws SQLException {
        var ids = new LinkedHashMap<Integer, Integer>();
        var retired = new ArrayList<Integer>();
        var land = new ArrayList<Geometry>();
        for (Outcome.Change ch : outcome.changes()) {
            if (ch.isRetired()) {
                retired.add(ch.key());
                ids.put(ch.key(), ch.key());
                land.add(ch.before().geom());
            } else if (ch.isCreated()) {
                ids.put(ch.key(), insert(c, outcome, ch, rec.changedBy()));
                land.add(ch.after());
            } else {
                int n = Sql.update(c, UPDATE_GRID, Wkb.hex(ch.after()), ch.attributes().kind(), ch.attributes().dedicatedTo(),
                        ch.attributes().name(), ch.attributes().branchName(), ch.attributes().leaderName(), ch.attributes().leaderPhone(),
                        ch.attributes().contacts(), ch.attributes().duties().toArray(String[]::new), rec.changedBy(), ch.key(),
                        ch.before().version());
                if (n != 1) {
                    throw new IllegalStateException("grid " + ch.key() + " changed under a lock");
                }
                ids.put(ch.key(), ch.key());
                if (ch.geometryChanged()) {
                    land.add(Shapes.difference(ch.after(), ch.before().geom()));
                    land.add(Shapes.difference(ch.before().geom(), ch.after()));
                }
            }
        }
        Integer[] retiredIds = retired.toArray(Integer[]::new);
        Integer[] heirs = outcome.changes().stream().filter(Outcome.Change::isRetired).map(ch -> ids.get(ch.absorbedBy()))
                .toArray(Integer[]::new);
        // the land that changed hands: a row elsewhere is covered by the same grids as before
        String area = Wkb.hex(Shapes.union(land));
        var addresses = points(c, "address", "geom", "t.full_address", "t.households", retiredIds, heirs, area);
        var buildings = points(c, "building", "point",
                "coalesce((SELECT e.name FROM estate e WHERE e.id = t.estate_id), '') || t.name", "0", retiredIds, heirs, area);
        var stations = points(c, "station", "geom", "t.name", "0", retiredIds, heirs, area);
        Integer[] movedAddresses = addresses.stream().map(m -> (int) m.id()).toArray(Integer[]::new);
        Integer[] movedBuildings = buildings.stream().map(m -> (int) m.id()).toArray(Integer[]::new);
        var residents = Sql.list(c, REASSIGN_RESIDENTS, rs -> new Impact.Flow((Integer) rs.getObject(1), (Integer) rs.getObject(2),
                rs.getLong(3)), retiredIds, retiredIds, heirs, retiredIds, retiredIds, area, movedAddresses);
        var groups = Sql.list(c, REASSIGN_PARTY_GROUPS, rs -> new Impact.Moved(rs.getLong(1), rs.getString(4), 0,
                (Integer) rs.getObject(2), (Integer) rs.getObject(3)), retiredIds, heirs, retiredIds, retiredIds, movedBuildings,
                movedAddresses);
        Integer[] touched = ids.values().toArray(Integer[]::new);
        Sql.update(c, REASSIGN_CARE_VISITS, touched, touched);
        Sql.update(c, REASSIGN_WISHES, touched, touched);
        Sql.update(c, INHERIT_WISHES, retiredIds, heirs);
        Sql.update(c, INHERIT_QUESTIONS, retiredIds, heirs);
        var alive = new ArrayList<>(ids.values());
        alive.removeAll(retired);
        Sql.update(c, GRID_STATIONS, (Object) alive.toArray(Integer[]::new));
        for (Outcome.Change ch : outcome.changes()) {
            if (ch.isRetired()) {
                Sql.update(c, SHARE_SCOPE, ids.get(ch.absorbedBy()), ch.key());
            } else if (ch.origin() != null) {
                Sql.update(c, SHARE_SCOPE, ids.get(ch.key()), ids.getOrDefault(ch.origin(), ch.origin()));
            }
        }
        if (rec.records()) {
            for (Outcome.Change ch : outcome.changes()) {
                if (ch.isRetired()) {
                    Sql.update(c, BUMP_GRID, rec.changedBy(), ch.key());
                    GridHistory.record(c, ch.key(), "retire", rec.reason(), rec.changedBy(), rec.changeId());
                } else {
                    GridHistory.record(c, ids.get(ch.key()), outcome.operation(), rec.reason(), rec.changedBy(), rec.changeId());
                }
            }
        }
        Sql.update(c, DELETE_GRIDS, (Object) retiredIds);
        return new Applied(ids, new Impact(addresses, buildings, stations, groups, residents));
    }

    private static List<Impact.Moved> points(Connection c, String table, String column, String label, String households,
                                             Integer[] retired, Integer[] heirs, String area) throws SQLException {
        String sql = REASSIGN_POINTS.formatted(table, column, label, households);
        return Sql.list(c, sql, rs -> new Impact.Moved(rs.getLong(1), rs.getString(4), rs.getInt(5), (Integer) rs.getObject(2),
                (Integer) rs.getObject(3)), retired, retired, heirs, retired, retired, area);
    }

    private static int insert(Connection c, Outcome outcome, Outcome.Change ch, String by) throws SQLException {
        GridAttributes a = ch.attributes();
        String[] duties = a.duties().toArray(String[]::new);
        if (ch.isRestored()) {
            return Sql.one(c, RESTORE_GRID, rs -> rs.getInt(1), ch.key(), ch.code(), outcome.community().id(), a.kind(), a.dedicatedTo(),
                    a.name(), a.branchName(), a.leaderName(), a.leaderPhone(), a.contacts(), duties, ch.baseVersion() + 1, by,
                    Wkb.hex(ch.after())).orElseThrow();
        }
        return Sql.one(c, INSERT_GRID, rs -> rs.getInt(1), ch.code(), outcome.community().id(), a.kind(), a.dedicatedTo(), a.name(),
                a.branchName(), a.leaderName(), a.leaderPhone(), a.contacts(), duties, 1, by, Wkb.hex(ch.after())).orElseThrow();
    }
}
