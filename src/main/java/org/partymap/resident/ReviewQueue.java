package org.partymap.resident;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.auth.AuditLog;
import org.partymap.auth.User;
import org.partymap.db.Sql;

/**
 * The review queue (待核实): residents whose address did not geocode with confidence, and setting
 * a resident's point by hand. A grid worker sees the residents of their grids and those of their
 * own imports that fell in no grid of theirs; an admin sees all. Lists are audited like every
 * list of residents; a point set by hand is audited with the grid it moved from and to.
 */
public final class ReviewQueue {

    /** Who may see a resident: {@code ?1} every one, else {@code ?2} grids in scope, or {@code ?3} the uploader of a grid-less row. */
    private static final String SCOPE = """
            (?::boolean OR r.grid_id = ANY (?::int[]) OR r.grid_id IS NULL AND i.user_id = ?::int)""";

    private static final String FROM = """
              FROM resident r LEFT JOIN grid g ON g.id = r.grid_id LEFT JOIN resident_import i ON i.id = r.import_id
             WHERE r.review_status = 'review' AND""" + SCOPE + """

               AND (?::int IS NULL OR r.grid_id = ?::int)
               AND (?::bigint IS NULL OR r.import_id = ?::bigint)""";

    private static final String LIST = """
            SELECT r.id, r.name, r.phone, r.address_text, r.import_id, r.import_line, r.match_level, r.match_score,
                   r.match_address, ST_X(r.geom) AS lon, ST_Y(r.geom) AS lat,
                   g.id AS grid_id, g.code AS grid_code, g.name AS grid_name
            """ + FROM + """

             ORDER BY r.import_id DESC NULLS LAST, r.import_line, r.id
             LIMIT ? OFFSET ?""";

    private static final String COUNT = "SELECT count(*)\n" + FROM;

    private static final String LOCK = """
            SELECT r.id, g.code AS grid_code, r.match_level,\s""" + SCOPE + """
             AS allowed
              FROM resident r LEFT JOIN grid g ON g.id = r.grid_id LEFT JOIN resident_import i ON i.id = r.import_id
             WHERE r.id = ? FOR UPDATE OF r""";

    private static final String POINT = "ST_SetSRID(ST_MakePoint(?, ?), 4326)";

    private static final String IN_DISTRICT = "SELECT EXISTS (SELECT 1 FROM subdistrict WHERE ST_Covers(geom, " + POINT + "))";

    /** The grid covering the point; on a shared boundary the lowest id, as grid assignment does it. */
    private static final String GRID_AT = "SELECT id, code, name FROM grid WHERE ST_Covers(geom, " + POINT + ") ORDER BY id LIMIT 1";

    /** A standard address within 5 m of the pin: the person lives there. */
    private static final String ADDRESS_AT = """
            SELECT id, full_address FROM address
             WHERE ST_DWithin(geom::geography, %1$s::geography, 5)
             ORDER BY geom <-> %1$s LIMIT 1""".formatted(POINT);

    private static final String PIN = """
            UPDATE resident SET geom = %s, grid_id = ?, address_id = ?, match_address = ?, match_level = 'manual',
                   match_score = NULL, review_status = 'fixed', reviewed_by = ?, reviewed_at = now()
             WHERE id = ?""".formatted(POINT);

    /** The grid of a row or an answer. */
    public record GridRef(Integer id, String code, String name) {
    }

    /** Where the geocoder put the row, and how sure it was. */
    public record Guess(double lon, double lat, String level, Float score, String address) {
    }

    /** A row of the queue: the phone masked, the line of the import it came from, the guess if any. */
    public record Item(long id, String name, String phoneMasked, String address, Long importId, Integer importLine,
                       String matchLevel, Guess guess, GridRef grid) {
    }

    public record Page(long total, int limit, int offset, List<Item> residents) {
    }

    /** What to list: optionally one grid, one import. */
    public record Query(Optional<Integer> grid, Optional<Long> importId, int limit, int offset) {
    }

    /** A point set by hand, as answered. */
    public record Pinned(long id, double lon, double lat, GridRef grid, String address, String matchLevel, String reviewStatus) {
    }

    /** Why a pin was refused. */
    public enum Refusal { NOT_FOUND, OUTSIDE_DISTRICT, NO_GRID, NOT_YOUR_GRID }

    /** A pin, or why not (with the grid the point lies in, for NOT_YOUR_GRID). */
    public record PinResult(Pinned pinned, Refusal refusal, GridRef grid) {
    }

    private final DataSource ds;

    public ReviewQueue(DataSource ds) {
        this.ds = ds;
    }

    public Page list(User user, Query q, AuditLog.Actor actor) {
        Object[] where = where(user, q);
        return Sql.transaction(ds, c -> {
            long total = Sql.one(c, COUNT, rs -> rs.getLong(1), where).orElse(0L);
            Object[] params = Arrays.copyOf(where, where.length + 2);
            params[where.length] = q.limit();
            params[where.length + 1] = q.offset();
            List<Item> items = Sql.list(c, LIST, ReviewQueue::item, params);
            var detail = new LinkedHashMap<String, Object>();
            detail.put("review", true);
            q.grid().ifPresent(g -> detail.put("grid", g));
            q.importId().ifPresent(i -> detail.put("import", i));
            detail.put("returned", items.size());
            AuditLog.record(c, actor, "resident_list", "resident", null, detail);
            return new Page(total, q.limit(), q.offset(), items);
        });
    }

    /**
     * Sets a resident's point by hand: the point must lie in the district and in a grid the user
     * serves (any grid for admins); the grid is assigned, the status becomes fixed and the level
     * manual. A resident out of the user's scope is NOT_FOUND, and the attempt is audited too.
     */
    public PinResult pin(User user, long id, double lon, double lat, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            var row = Sql.one(c, LOCK, rs -> new Object[] {rs.getString("grid_code"), rs.getBoolean("allowed")},
                    user.isAdmin(), user.servedGrids().toArray(Integer[]::new), user.id(), id);
            if (row.isEmpty() || !(Boolean) row.get()[1]) {
                if (row.isPresent()) {
                    AuditLog.record(c, actor, "resident_pin_denied", "resident", id, null);
                }
                return new PinResult(null, Refusal.NOT_FOUND, null);
            }
            if (!Sql.one(c, IN_DISTRICT, rs -> rs.getBoolean(1), lon, lat).orElse(false)) {
                return new PinResult(null, Refusal.OUTSIDE_DISTRICT, null);
            }
            Optional<GridRef> grid = Sql.one(c, GRID_AT, rs -> new GridRef(rs.getInt(1), rs.getString(2), rs.getString(3)), lon, lat);
            if (grid.isEmpty()) {
                return new PinResult(null, Refusal.NO_GRID, null);
            }
            if (!user.mayReadResidentsOf(grid.get().id())) {
                return new PinResult(null, Refusal.NOT_YOUR_GRID, grid.get());
            }
            Optional<Object[]> address = Sql.one(c, ADDRESS_AT, rs -> new Object[] {rs.getInt(1), rs.getString(2)}, lon, lat, lon, lat);
            Integer addressId = address.map(a -> (Integer) a[0]).orElse(null);
            String full = address.map(a -> (String) a[1]).orElse(null);
            Sql.update(c, PIN, lon, lat, grid.get().id(), addressId, full, actor.username(), id);
            var detail = new LinkedHashMap<String, Object>();
            detail.put("grid", grid.get().code());
            detail.put("from_grid", row.get()[0]);
            detail.put("address_id", addressId);
            AuditLog.record(c, actor, "resident_pin", "resident", id, detail);
            return new PinResult(new Pinned(id, lon, lat, grid.get(), full, "manual", "fixed"), null, grid.get());
        });
    }

    private static Object[] where(User user, Query q) {
        Integer grid = q.grid().orElse(null);
        Long importId = q.importId().orElse(null);
        return new Object[] {user.isAdmin(), user.servedGrids().toArray(Integer[]::new), user.id(), grid, grid, importId, importId};
    }

    private static Item item(ResultSet rs) throws SQLException {
        Double lon = (Double) rs.getObject("lon");
        Guess guess = lon == null ? null : new Guess(lon, rs.getDouble("lat"), rs.getString("match_level"),
                (Float) rs.getObject("match_score"), rs.getString("match_address"));
        Integer gridId = (Integer) rs.getObject("grid_id");
        return new Item(rs.getLong("id"), rs.getString("name"), PhoneMask.mask(rs.getString("phone")), rs.getString("address_text"),
                (Long) rs.getObject("import_id"), (Integer) rs.getObject("import_line"), rs.getString("match_level"), guess,
                gridId == null ? null : new GridRef(gridId, rs.getString("grid_code"), rs.getString("grid_name")));
    }

}
