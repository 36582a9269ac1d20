package org.partymap.resident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.partymap.auth.AuditLog;
import org.partymap.db.Sql;

/**
 * The SQL of resident records. Lists carry what a grid worker needs to find a person (name,
 * masked phone, address, care tags); the full record, with the whole phone number and the masked
 * ID, is read one at a time, and that read is audited in the same transaction.
 */
public final class ResidentRepository {

    /** {@code ?1} true for all grids (admins), else {@code ?2} the grids in scope. */
    private static final String WHERE = """
             WHERE (?::boolean OR r.grid_id = ANY (?::int[]))
               AND (?::int IS NULL OR r.grid_id = ?::int)
               AND (?::text IS NULL OR r.review_status = ?::text)
               AND (?::text IS NULL OR r.name ILIKE ?::text ESCAPE '\\' OR r.address_text ILIKE ?::text ESCAPE '\\')""";

    private static final String LIST = """
            SELECT r.id, r.name, r.phone, r.address_text, r.care_tags, r.match_level, r.review_status,
                   g.id AS grid_id, g.code AS grid_code, g.name AS grid_name
              FROM resident r LEFT JOIN grid g ON g.id = r.grid_id
            """ + WHERE + """

             ORDER BY g.code NULLS LAST, r.name, r.id
             LIMIT ? OFFSET ?""";

    private static final String COUNT = "SELECT count(*) FROM resident r\n" + WHERE;

    private static final String RECORD = """
            SELECT r.id, r.name, r.phone, r.id_masked, r.address_text, r.address_id, r.care_tags, r.match_level,
                   r.match_score, r.review_status, r.imported_by, r.imported_at,
                   ST_X(r.geom) AS lon, ST_Y(r.geom) AS lat,
                   g.id AS grid_id, g.code AS grid_code, g.name AS grid_name
              FROM resident r LEFT JOIN grid g ON g.id = r.grid_id
             WHERE r.id = ?""";

    /** Per grid of a subdistrict: what planners weigh a grid's workload by. No person in it. */
    private static final String WORKLOAD = """
            SELECT json_build_object('subdistrict', json_build_object('id', s.id, 'code', s.code, 'name', s.name),
                     'care_households_suppressed_below', %d,
                     'grids', coalesce((SELECT json_agg(json_build_object(
                         'id', g.id, 'code', g.code, 'name', g.name, 'community', c.name,
                         'households', (SELECT coalesce(sum(a.households), 0) FROM address a WHERE a.grid_id = g.id),
                         'addresses', (SELECT count(*) FROM address a WHERE a.grid_id = g.id),
                         'buildings', (SELECT count(*) FROM building b WHERE b.grid_id = g.id),
                         'residents', (SELECT count(*) FROM resident r WHERE r.grid_id = g.id),
                         'residents_to_review', (SELECT count(*) FROM resident r WHERE r.grid_id = g.id AND r.review_status = 'review'),
                         'care_households', %s) ORDER BY g.code)
                       FROM grid g JOIN community c ON c.id = g.community_id
                      WHERE c.subdistrict_id = s.id), '[]'::json))::text
              FROM subdistrict s WHERE s.id = ?""".formatted(CareHouseholds.SUPPRESS_BELOW, CareHouseholds.suppressedCountSql("g.id"));

    /** Who may see what: every grid, or these. */
    public record Scope(boolean allGrids, Set<Integer> grids) {
    }

    /** What to list. */
    public record Query(Optional<Integer> grid, Optional<String> review, Optional<String> search, int limit, int offset) {
    }

    public record GridRef(Integer id, String code, String name) {
    }

    /** A line of a list: the phone is masked. */
    public record Listed(long id, String name, String phoneMasked, String address, List<String> careTags,
                         String matchLevel, String reviewStatus, GridRef grid) {
    }

    /** The full record of one resident. The ID number exists only masked. */
    public record Full(long id, String name, String phone, String idMasked, String address, Integer addressId,
                       List<String> careTags, String matchLevel, Float matchScore, String reviewStatus,
                       String importedBy, String importedAt, Double lon, Double lat, GridRef grid) {
    }

    public record Page(long total, int limit, int offset, List<Listed> residents) {
    }

    private final DataSource ds;

    public ResidentRepository(DataSource ds) {
        this.ds = ds;
    }

    public Page list(Scope scope, Query q) {
        Object[] where = where(scope, q);
        long total = Sql.one(ds, COUNT, rs -> rs.getLong(1), where).orElse(0L);
        Object[] params = Arrays.copyOf(where, where.length + 2);
        params[where.length] = q.limit();
        params[where.length + 1] = q.offset();
        return new Page(total, q.limit(), q.offset(), Sql.list(ds, LIST, ResidentRepository::listed, params));
    }

    /**
     * The full record, if it exists and {@code allowed} says yes for its grid; the read (or the
     * refused attempt) is written to the audit log in the same transaction.
     */
    public Optional<Full> read(long id, Predicate<Integer> allowed, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            Optional<Full> found = Sql.one(c, RECORD, ResidentRepository::full, id);
            if (found.isEmpty()) {
                return Optional.<Full>empty();
            }
            boolean ok = allowed.test(found.get().grid().id());
            AuditLog.record(c, actor, ok ? "resident_read" : "resident_read_denied", "resident", id,
                    found.get().grid().code() == null ? null : Map.of("grid", found.get().grid().code()));
            return ok ? found : Optional.<Full>empty();
        });
    }

    /** The workload JSON of a subdistrict's grids, or empty when there is no such subdistrict. */
    public Optional<String> workload(int subdistrictId) {
        return Sql.text(ds, WORKLOAD, subdistrictId);
    }

    private static Object[] where(Scope scope, Query q) {
        Integer grid = q.grid().orElse(null);
        String review = q.review().orElse(null);
        String like = q.search().map(s -> "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%").orElse(null);
        return new Object[] {scope.allGrids(), scope.grids().toArray(Integer[]::new), grid, grid, review, review, like, like, like};
    }

    private static GridRef grid(ResultSet rs) throws SQLException {
        return new GridRef((Integer) rs.getObject("grid_id"), rs.getString("grid_code"), rs.getString("grid_name"));
    }

    private static List<String> tags(ResultSet rs) throws SQLException {
        return List.of((String[]) rs.getArray("care_tags").getArray());
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        return new Listed(rs.getLong("id"), rs.getString("name"), PhoneMask.mask(rs.getString("phone")), rs.getString("address_text"),
                tags(rs), rs.getString("match_level"), rs.getString("review_status"), grid(rs));
    }

    private static Full full(ResultSet rs) throws SQLException {
        return new Full(rs.getLong("id"), rs.getString("name"), rs.getString("phone"), rs.getString("id_masked"),
                rs.getString("address_text"), (Integer) rs.getObject("address_id"), tags(rs), rs.getString("match_level"),
                (Float) rs.getObject("match_score"), rs.getString("review_status"), rs.getString("imported_by"),
                rs.getObject("imported_at", OffsetDateTime.class).toString(),
                (Double) rs.getObject("lon"), (Double) rs.getObject("lat"), grid(rs));
    }
}
