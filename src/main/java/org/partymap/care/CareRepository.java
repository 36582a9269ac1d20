package org.partymap.care;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.partymap.Config;
import org.partymap.auth.AuditLog;
import org.partymap.db.Sql;

/**
 * The SQL of 走访. A care household is a grid's residents of one address text of whom at least one
 * has a care tag with a cadence; it is due its next visit {@code cadence_days} after its last
 * (the shortest cadence among its residents' tags), and overdue from the day after. A household
 * never visited is overdue and has no due day. PostgreSQL writes the JSON of lists and reads.
 *
 * <p>Every household query starts with the same common table expressions, whose parameters come
 * first: today (Asia/Shanghai), the cadence of unlisted tags (null: none), the listed tags and
 * their days, then the filter's own parameters.
 */
final class CareRepository {

    /** {@code %s}: the filter on {@code resident r} that picks the households' residents. */
    private static final String HOUSEHOLDS = """
            WITH p AS (SELECT ?::date AS today, ?::int AS otherwise),
            cadence (tag, days) AS (SELECT * FROM unnest(?::text[], ?::int[])),
            %s
            household AS (
              SELECT r.grid_id, r.address_text, min(r.id) AS key, min(coalesce(c.days, p.otherwise)) AS cadence_days
                FROM p, resident r CROSS JOIN LATERAL unnest(r.care_tags) AS t (tag) LEFT JOIN cadence c ON c.tag = t.tag
               WHERE r.grid_id IS NOT NULL AND %s
               GROUP BY r.grid_id, r.address_text
              HAVING min(coalesce(c.days, p.otherwise)) IS NOT NULL),
            state AS (
              SELECT h.grid_id, h.address_text, h.key, h.cadence_days, v.visited_on AS last_on, v.kind AS last_kind,
                     v.visited_on + h.cadence_days AS due_on
                FROM household h LEFT JOIN LATERAL (
                       SELECT cv.visited_on, cv.kind FROM care_visit cv
                        WHERE cv.grid_id = h.grid_id AND cv.address_text = h.address_text
                        ORDER BY cv.visited_on DESC, cv.id DESC LIMIT 1) v ON true)
            """;

    /** One household as the staff see it: its care residents by name, a point to put it on the map, its clock. */
    private static final String HOUSEHOLD_JSON = """
            json_build_object('resident', s.key,
                'grid', json_build_object('id', g.id, 'code', g.code, 'name', g.name),
                'address', s.address_text,
                'residents', (SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'tags', r.care_tags) ORDER BY r.id)
                                FROM resident r WHERE r.grid_id = s.grid_id AND r.address_text = s.address_text
                                 AND cardinality(r.care_tags) > 0),
                'cadence_days', s.cadence_days,
                'lon', ST_X(pt.geom), 'lat', ST_Y(pt.geom),
                'last_visit', CASE WHEN s.last_on IS NOT NULL THEN json_build_object('visited_on', s.last_on, 'kind', s.last_kind) END,
                'due_on', s.due_on,
                'overdue', s.due_on IS NULL OR s.due_on < p.today,
                'days_overdue', CASE WHEN s.due_on < p.today THEN p.today - s.due_on WHEN s.due_on IS NOT NULL THEN 0 END)""";

    private static final String HOUSEHOLD_FROM = """
              FROM p, state s JOIN grid g ON g.id = s.grid_id
              LEFT JOIN LATERAL (SELECT r.geom FROM resident r WHERE r.grid_id = s.grid_id AND r.address_text = s.address_text
                                    AND r.geom IS NOT NULL ORDER BY r.id LIMIT 1) pt ON true
            """;

    /** Overdue first (never visited before all), then by due day: the order a worker goes round in. */
    private static final String LIST = HOUSEHOLDS.formatted("", """
            (?::boolean OR r.grid_id = ANY (?::int[])) AND (?::int IS NULL OR r.grid_id = ?::int)""") + """
            SELECT json_build_object('today', (SELECT today FROM p), 'total', (SELECT count(*) FROM state), 'limit', ?::int, 'offset', ?::int,
                     'households', coalesce((SELECT json_agg(x.j ORDER BY x.n) FROM (
                         SELECT row_number() OVER (ORDER BY s.due_on NULLS FIRST, g.code, s.address_text) AS n, %s AS j
                         %s
                          ORDER BY s.due_on NULLS FIRST, g.code, s.address_text
                          LIMIT ? OFFSET ?) x), '[]'::json))::text""".formatted(HOUSEHOLD_JSON, HOUSEHOLD_FROM);

    /** The household of one resident (grid and address text), with its visits, newest first. */
    private static final String HOUSEHOLD = HOUSEHOLDS.formatted("", "r.grid_id = ?::int AND r.address_text = ?::text") + """
            SELECT json_build_object('today', p.today, 'household', %s,
                     'visits', coalesce((SELECT json_agg(json_build_object('id', v.id, 'kind', v.kind, 'visited_on', v.visited_on,
                                   'resident', json_build_object('id', v.resident_id, 'name', vr.name),
                                   'note', v.note, 'needs', v.needs, 'recorded_by', u.username, 'recorded_at', v.recorded_at)
                                   ORDER BY v.visited_on DESC, v.id DESC)
                           FROM (SELECT * FROM care_visit cv WHERE cv.grid_id = s.grid_id AND cv.address_text = s.address_text
                                  ORDER BY cv.visited_on DESC, cv.id DESC LIMIT %d) v
                           JOIN resident vr ON vr.id = v.resident_id LEFT JOIN app_user u ON u.id = v.user_id), '[]'::json))::text
            %s""".formatted(HOUSEHOLD_JSON, CareService.VISITS_SHOWN, HOUSEHOLD_FROM);

    /** Per grid of a community or subdistrict and in total: counts only, never a note, a need or a name. */
    private static final String COVERAGE = HOUSEHOLDS.formatted("""
            area AS (SELECT g.id, g.code, g.name FROM grid g JOIN community c ON c.id = g.community_id
                      WHERE (?::int IS NULL OR g.community_id = ?::int) AND (?::int IS NULL OR c.subdistrict_id = ?::int)),""",
            "r.grid_id IN (SELECT id FROM area)") + """
            , per_grid AS (
              SELECT a.id, a.code, a.name, count(s.grid_id) AS households,
                     count(s.grid_id) FILTER (WHERE s.due_on >= p.today) AS on_time,
                     count(s.grid_id) FILTER (WHERE s.last_on IS NULL) AS never_visited
                FROM p, area a LEFT JOIN state s ON s.grid_id = a.id
               GROUP BY a.id, a.code, a.name)
            SELECT json_build_object('today', (SELECT today FROM p),
                     'grids', coalesce((SELECT json_agg(json_build_object('id', id, 'code', code, 'name', name,
                                 'households', households, 'on_time', on_time, 'overdue', households - on_time,
                                 'never_visited', never_visited,
                                 'share_on_time', CASE WHEN households > 0 THEN round(on_time::numeric / households, 3) END)
                                 ORDER BY code) FROM per_grid), '[]'::json),
                     'total', (SELECT json_build_object('grids', count(*), 'households', coalesce(sum(households), 0),
                                 'on_time', coalesce(sum(on_time), 0), 'overdue', coalesce(sum(households - on_time), 0),
                                 'never_visited', coalesce(sum(never_visited), 0),
                                 'share_on_time', CASE WHEN sum(households) > 0 THEN round(sum(on_time) / sum(households), 3) END)
                                 FROM per_grid))::text""";

    private static final String RESIDENT = "SELECT id, grid_id, address_text FROM resident WHERE id = ?";

    private static final String INSERT = """
            INSERT INTO care_visit (grid_id, address_text, resident_id, kind, visited_on, note, needs, client_key, user_id, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (client_key) DO NOTHING
            RETURNING id""";

    private static final String VISIT = """
            SELECT v.id, v.client_key, v.resident_id, v.grid_id, v.address_text, v.kind, v.visited_on, v.note, v.needs,
                   u.username, v.recorded_at
              FROM care_visit v LEFT JOIN app_user u ON u.id = v.user_id
             WHERE v.client_key = ?""";

    private static final String AREA_COMMUNITY = "SELECT id, name, subdistrict_id FROM community WHERE id = ?";
    private static final String AREA_SUBDISTRICT = "SELECT id, name, id FROM subdistrict WHERE id = ?";

    /** A resident as the household key needs them. */
    record ResidentRef(long id, Integer grid, String address) {
    }

    /** A community or subdistrict: its id, name and subdistrict (itself for a subdistrict). */
    record Area(int id, String name, int subdistrict) {
    }

    /** A visit to store: what the worker sent, the household it belongs to, who and when. */
    record NewVisit(UUID clientKey, ResidentRef resident, String kind, LocalDate visitedOn, String note, String needs,
                    Integer userId, OffsetDateTime recordedAt) {
    }

    /** A stored visit, as the API answers it. */
    record Visit(long id, String clientKey, long resident, int grid, String address, String kind, String visitedOn,
                 String note, String needs, String recordedBy, String recordedAt) {
    }

    private final DataSource ds;
    private final Config.Care cadence;

    CareRepository(DataSource ds, Config.Care cadence) {
        this.ds = ds;
        this.cadence = cadence;
    }

    /** The care households of the grids in scope (all when {@code allGrids}), one page. */
    String list(LocalDate today, boolean allGrids, Integer[] grids, Integer grid, int limit, int offset) {
        return Sql.text(ds, LIST, params(today, allGrids, grids, grid, grid, limit, offset, limit, offset)).orElseThrow();
    }

    Optional<ResidentRef> resident(long id) {
        return Sql.one(ds, RESIDENT, CareRepository::residentRef, id);
    }

    /** The household of a resident with its visits, or empty when it is no care household. */
    Optional<String> household(LocalDate today, ResidentRef resident) {
        return Sql.text(ds, HOUSEHOLD, params(today, resident.grid(), resident.address()));
    }

    /** Whether the resident's household is a care household (some resident of it has a tag with a cadence). */
    boolean isCareHousehold(Connection c, LocalDate today, ResidentRef resident) throws SQLException {
        return Sql.one(c, HOUSEHOLD, rs -> rs.getString(1), params(today, resident.grid(), resident.address())).isPresent();
    }

    String coverage(LocalDate today, Integer community, Integer subdistrict) {
        return Sql.text(ds, COVERAGE, params(today, community, community, subdistrict, subdistrict)).orElseThrow();
    }

    Optional<Area> community(int id) {
        return Sql.one(ds, AREA_COMMUNITY, CareRepository::area, id);
    }

    Optional<Area> subdistrict(int id) {
        return Sql.one(ds, AREA_SUBDISTRICT, CareRepository::area, id);
    }

    Optional<Visit> visit(UUID clientKey) {
        return Sql.one(ds, VISIT, CareRepository::visit, clientKey);
    }

    Optional<Visit> visit(Connection c, UUID clientKey) throws SQLException {
        return Sql.one(c, VISIT, CareRepository::visit, clientKey);
    }

    /**
     * Stores a visit unless one with its client key exists (or arrives at the same moment: the
     * unique key decides), after {@code check} has passed in the same transaction; answers
     * whether this call stored it, and the stored visit. The store is audited with it.
     */
    Stored store(NewVisit v, StoreCheck check, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            check.run(c);
            Optional<Long> id = Sql.one(c, INSERT, rs -> rs.getLong(1), v.resident().grid(), v.resident().address(), v.resident().id(),
                    v.kind(), v.visitedOn(), v.note(), v.needs(), v.clientKey(), v.userId(), v.recordedAt());
            if (id.isPresent()) {
                AuditLog.record(c, actor, "care_visit", "care_visit", id.get(), Map.of("grid", v.resident().grid(), "kind", v.kind()));
            }
            return new Stored(id.isPresent(), visit(c, v.clientKey()).orElseThrow());
        });
    }

    /** What must hold, inside the storing transaction, for a visit to be stored. */
    @FunctionalInterface
    interface StoreCheck {
        void run(Connection c) throws SQLException;
    }

    record Stored(boolean created, Visit visit) {
    }

    /** The leading parameters of every household query, then {@code rest}. */
    private Object[] params(LocalDate today, Object... rest) {
        var all = new ArrayList<Object>();
        all.add(today);
        all.add(cadence.otherwiseDays().orElse(null));
        all.add(cadence.cadence().keySet().toArray(String[]::new));
        all.add(cadence.cadence().values().toArray(Integer[]::new));
        all.addAll(java.util.Arrays.asList(rest));
        return all.toArray();
    }

    private static ResidentRef residentRef(ResultSet rs) throws SQLException {
        return new ResidentRef(rs.getLong(1), (Integer) rs.getObject(2), rs.getString(3));
    }

    private static Area area(ResultSet rs) throws SQLException {
        return new Area(rs.getInt(1), rs.getString(2), rs.getInt(3));
    }

    private static Visit visit(ResultSet rs) throws SQLException {
        return new Visit(rs.getLong(1), rs.getObject(2, UUID.class).toString(), rs.getLong(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class).toString(), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toString());
    }
}
