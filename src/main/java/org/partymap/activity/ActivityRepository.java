package org.partymap.activity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.auth.AuditLog;
import org.partymap.db.Sql;
import org.partymap.http.ApiException;

/**
 * The SQL of activities and their sign-ups. A sign-up is written only while its activity's row is
 * locked, so that two residents taking the last seat of an occurrence at once are counted one
 * after the other; a change of the activity takes the same lock, so it sees every seat taken.
 */
public final class ActivityRepository {

    /** A post with the grid and community that decide who serves it (the grid's community, else the post's own). */
    private static final String PLACE = """
            SELECT s.id, s.name, s.kind, s.address, g.id AS grid_id, c.id AS community_id, c.subdistrict_id,
                   c.name AS community_name
              FROM station s
              LEFT JOIN grid g ON g.id = s.grid_id
              LEFT JOIN community c ON c.id = coalesce(g.community_id, s.community_id)
             WHERE s.id = ?""";

    private static final String COLUMNS = """
            a.id, a.station_id, a.title, a.kind, a.starts_at, a.ends_at, a.capacity, a.description, a.rrule, a.public,
            a.cancelled_at, a.updated_at""";

    /** The public, live activities of a post that may still have an occurrence after {@code ?}. */
    private static final String AT_STATION = "SELECT " + COLUMNS + """

              FROM activity a
             WHERE a.station_id = ? AND a.public AND a.cancelled_at IS NULL AND (a.ends_at > ? OR a.rrule IS NOT NULL)
             ORDER BY a.starts_at, a.id""";

    /** The same for every post of a community (through the post's grid, or the post's own community). */
    private static final String IN_COMMUNITY = "SELECT " + COLUMNS + """

              FROM activity a
              JOIN station s ON s.id = a.station_id
              LEFT JOIN grid g ON g.id = s.grid_id
             WHERE coalesce(g.community_id, s.community_id) = ?
               AND a.public AND a.cancelled_at IS NULL AND (a.ends_at > ? OR a.rrule IS NOT NULL)
             ORDER BY a.starts_at, a.id""";

    private static final String STATIONS_OF_COMMUNITY = """
            SELECT s.id, s.name, s.kind, s.address, g.id AS grid_id, c.id AS community_id, c.subdistrict_id,
                   c.name AS community_name
              FROM station s
              LEFT JOIN grid g ON g.id = s.grid_id
              JOIN community c ON c.id = coalesce(g.community_id, s.community_id)
             WHERE c.id = ?""";

    private static final String COMMUNITY = "SELECT id, name, subdistrict_id FROM community WHERE id = ?";

    /** Live seats taken per occurrence of some activities, from a time on. */
    private static final String TAKEN = """
            SELECT activity_id, occurrence_start, count(*) AS taken
              FROM activity_signup
             WHERE activity_id = ANY (?::bigint[]) AND occurrence_start >= ? AND cancelled_at IS NULL
             GROUP BY activity_id, occurrence_start""";

    private static final String ONE = "SELECT " + COLUMNS + " FROM activity a WHERE a.id = ?";
    private static final String LOCK = "SELECT " + COLUMNS + " FROM activity a WHERE a.id = ? FOR UPDATE";

    private static final String COUNT_SIGNED = """
            SELECT count(*) AS taken, count(*) FILTER (WHERE phone = ?) AS same_phone
              FROM activity_signup WHERE activity_id = ? AND occurrence_start = ? AND cancelled_at IS NULL""";

    /** The most live sign-ups any occurrence of an activity holds, and how many it holds in all. */
    private static final String MOST_TAKEN = """
            SELECT coalesce(max(n), 0), coalesce(sum(n), 0)
              FROM (SELECT count(*) AS n FROM activity_signup WHERE activity_id = ? AND cancelled_at IS NULL
                     GROUP BY occurrence_start) t""";

    private static final String INSERT_SIGNUP = """
            INSERT INTO activity_signup (activity_id, occurrence_start, name, phone, token_hash, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private static final String MINE = """
            SELECT u.occurrence_start, u.name, u.phone, u.created_at, u.cancelled_at, u.id AS signup_id,""" + " " + COLUMNS + """

              FROM activity_signup u JOIN activity a ON a.id = u.activity_id
             WHERE u.token_hash = ?""";

    private static final String LOCK_MINE = "SELECT id, cancelled_at IS NOT NULL FROM activity_signup WHERE token_hash = ? FOR UPDATE";
    private static final String CANCEL_SIGNUP = "UPDATE activity_signup SET cancelled_at = greatest(?, created_at) WHERE id = ?";

    private static final String SIGNUPS = """
            SELECT id, occurrence_start, name, phone, created_at, cancelled_at
              FROM activity_signup WHERE activity_id = ? ORDER BY occurrence_start, id""";

    private static final String INSERT = """
            INSERT INTO activity (station_id, title, kind, starts_at, ends_at, capacity, description, rrule, public,
                                  created_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id""";

    private static final String UPDATE = """
            UPDATE activity SET title = ?, kind = ?, starts_at = ?, ends_at = ?, capacity = ?, description = ?, rrule = ?,
                                public = ?, updated_at = greatest(?, created_at)
             WHERE id = ? AND cancelled_at IS NULL""";

    private static final String CANCEL = """
            UPDATE activity SET cancelled_at = greatest(?, created_at) WHERE id = ? AND cancelled_at IS NULL""";

    /** A post and who serves it; {@code communityId} and {@code subdistrictId} are null for a post of no community. */
    public record Place(int id, String name, String kind, String address, Integer gridId, Integer communityId,
                        Integer subdistrictId, String communityName) {
    }

    public record CommunityRef(int id, String name, int subdistrictId) {
    }

    /** An activity as stored. {@code capacity} null: no sign-up; {@code rrule} null: once. */
    public record Activity(long id, int stationId, String title, ActivityKind kind, Instant start, Instant end,
                           Integer capacity, String description, String rrule, boolean isPublic, Instant cancelledAt,
                           Instant updatedAt) {
    }

    /** A sign-up as its link opens it, with its activity. */
    public record Signup(long id, Instant occurrence, String name, String phone, Instant createdAt, Instant cancelledAt,
                         Activity activity) {
    }

    /** What a sign-up sends, checked, with what the server adds. */
    public record NewSignup(Instant occurrence, String name, String phone, String tokenHash, Instant createdAt) {
    }

    /** Decides, with the activity locked, whether a sign-up may take a seat (refusing with an {@link ApiException}). */
    @FunctionalInterface
    public interface SeatRule {
        void check(Activity activity);
    }

    /** Checks a change against the activity as it is, locked, and the seats taken: returns the activity as it will be. */
    @FunctionalInterface
    public interface ChangeRule {
        Activity apply(Activity current, int mostTaken, int allTaken);
    }

    private final DataSource ds;

    public ActivityRepository(DataSource ds) {
        this.ds = ds;
    }

    public Optional<Place> place(int stationId) {
        return Sql.one(ds, PLACE, ActivityRepository::place, stationId);
    }

    public List<Place> places(int communityId) {
        return Sql.list(ds, STATIONS_OF_COMMUNITY, ActivityRepository::place, communityId);
    }

    public Optional<CommunityRef> community(int id) {
        return Sql.one(ds, COMMUNITY, rs -> new CommunityRef(rs.getInt(1), rs.getString(2), rs.getInt(3)), id);
    }

    public List<Activity> atStation(int stationId, Instant after) {
        return Sql.list(ds, AT_STATION, ActivityRepository::activity, stationId, ts(after));
    }

    public List<Activity> inCommunity(int communityId, Instant after) {
        return Sql.list(ds, IN_COMMUNITY, ActivityRepository::activity, communityId, ts(after));
    }

    public Optional<Activity> find(long id) {
        return Sql.one(ds, ONE, ActivityRepository::activity, id);
    }

    /** Live seats taken, keyed by activity id and occurrence start. */
    public Map<Long, Map<Instant, Integer>> taken(List<Long> activityIds, Instant from) {
        var taken = new HashMap<Long, Map<Instant, Integer>>();
        if (activityIds.isEmpty()) {
            return taken;
        }
        Sql.list(ds, TAKEN, rs -> {
            taken.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(instant(rs, "occurrence_start"), rs.getInt(3));
            return null;
        }, activityIds.toArray(Long[]::new), ts(from));
        return taken;
    }

    public long publish(Activity a, Integer userId, Instant at, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            long id = Sql.one(c, INSERT, rs -> rs.getLong(1), a.stationId(), a.title(), a.kind().code(), ts(a.start()),
                    ts(a.end()), a.capacity(), a.description(), a.rrule(), a.isPublic(), userId, ts(at), ts(at)).orElseThrow();
            AuditLog.record(c, actor, "activity_publish", "activity", id,
                    Map.of("station", a.stationId(), "kind", a.kind().code(), "title", a.title()));
            return id;
        });
    }

    /** Changes a live activity under its lock; empty when there is none (or it is cancelled). */
    public Optional<Activity> change(long id, ChangeRule rule, Instant at, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            var current = Sql.one(c, LOCK, ActivityRepository::activity, id);
            if (current.isEmpty() || current.get().cancelledAt() != null) {
                return Optional.<Activity>empty();
            }
            int[] taken = Sql.one(c, MOST_TAKEN, rs -> new int[] {rs.getInt(1), rs.getInt(2)}, id).orElseThrow();
            Activity a = rule.apply(current.get(), taken[0], taken[1]);
            Sql.update(c, UPDATE, a.title(), a.kind().code(), ts(a.start()), ts(a.end()), a.capacity(), a.description(),
                    a.rrule(), a.isPublic(), ts(at), id);
            AuditLog.record(c, actor, "activity_change", "activity", id, Map.of("title", a.title()));
            return Sql.one(c, ONE, ActivityRepository::activity, id);
        });
    }

    /** Cancels an activity; false when it was cancelled already. */
    public boolean cancel(long id, Instant at, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            int rows = Sql.update(c, CANCEL, ts(at), id);
            if (rows == 1) {
                AuditLog.record(c, actor, "activity_cancel", "activity", id, null);
            }
            return rows == 1;
        });
    }

    /**
     * Signs up for an occurrence: locks the activity, lets {@code rule} refuse, counts the seats
     * taken and inserts, in one transaction. 404 without the activity; 409 when the occurrence is
     * full or this phone holds a seat in it already.
     */
    public Signup signUp(long activityId, SeatRule rule, NewSignup s) {
        return Sql.transaction(ds, c -> {
            Activity a = Sql.one(c, LOCK, ActivityRepository::activity, activityId).orElseThrow(() -> noActivity(activityId));
            rule.check(a);
            var counts = Sql.one(c, COUNT_SIGNED, rs -> new int[] {rs.getInt(1), rs.getInt(2)}, s.phone(), activityId,
                    ts(s.occurrence())).orElseThrow();
            if (counts[1] > 0) {
                throw ApiException.conflict("already-signed-up", "this phone number is signed up for this occurrence already");
            }
            if (counts[0] >= a.capacity()) {
                throw ApiException.conflict("activity-full", "every seat of this occurrence is taken; choose another date");
            }
            Sql.update(c, INSERT_SIGNUP, activityId, ts(s.occurrence()), s.name(), s.phone(), s.tokenHash(), ts(s.createdAt()));
            return mine(c, s.tokenHash()).orElseThrow();
        });
    }

    public Optional<Signup> mine(String tokenHash) {
        return Sql.one(ds, MINE, ActivityRepository::signup, tokenHash);
    }

    /** Cancels the sign-up of a token's hash; {@code refuse} may stop it (an occurrence begun). Empty when there is none. */
    public Optional<Signup> cancelSignup(String tokenHash, Instant at, java.util.function.Consumer<Signup> refuse) {
        return Sql.transaction(ds, c -> {
            var row = Sql.one(c, LOCK_MINE, rs -> new Object[] {rs.getLong(1), rs.getBoolean(2)}, tokenHash);
            if (row.isEmpty()) {
                return Optional.<Signup>empty();
            }
            if (!(Boolean) row.get()[1]) {
                refuse.accept(mine(c, tokenHash).orElseThrow());
                Sql.update(c, CANCEL_SIGNUP, ts(at), row.get()[0]);
            }
            return mine(c, tokenHash);
        });
    }

    /** Every sign-up of an activity, cancelled ones included, by occurrence. */
    public List<Signup> signups(Activity a) {
        return Sql.list(ds, SIGNUPS, rs -> new Signup(rs.getLong(1), instant(rs, "occurrence_start"), rs.getString(3),
                rs.getString(4), instant(rs, "created_at"), instant(rs, "cancelled_at"), a), a.id());
    }

    private static Optional<Signup> mine(Connection c, String tokenHash) throws SQLException {
        return Sql.one(c, MINE, ActivityRepository::signup, tokenHash);
    }

    static ApiException noActivity(long id) {
        return ApiException.notFound("activity-not-found", "there is no activity " + id + " (or it was cancelled)");
    }

    private static Signup signup(ResultSet rs) throws SQLException {
        return new Signup(rs.getLong("signup_id"), instant(rs, "occurrence_start"), rs.getString("name"), rs.getString("phone"),
                instant(rs, "created_at"), instant(rs, "cancelled_at"), activity(rs));
    }

    private static Place place(ResultSet rs) throws SQLException {
        return new Place(rs.getInt("id"), rs.getString("name"), rs.getString("kind"), rs.getString("address"),
                (Integer) rs.getObject("grid_id"), (Integer) rs.getObject("community_id"), (Integer) rs.getObject("subdistrict_id"),
                rs.getString("community_name"));
    }

    /** Reads {@link #COLUMNS}; in {@link #MINE} the activity's own columns are read by position after the sign-up's. */
    private static Activity activity(ResultSet rs) throws SQLException {
        int o = rs.getMetaData().getColumnCount() - 12;
        return new Activity(rs.getLong(o + 1), rs.getInt(o + 2), rs.getString(o + 3), ActivityKind.of(rs.getString(o + 4)),
                instant(rs, o + 5), instant(rs, o + 6), (Integer) rs.getObject(o + 7), rs.getString(o + 8), rs.getString(o + 9),
                rs.getBoolean(o + 10), instant(rs, o + 11), instant(rs, o + 12));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
