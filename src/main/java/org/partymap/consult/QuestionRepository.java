package org.partymap.consult;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * The SQL of 社区通 questions. Every change of a question is one transaction that also writes its
 * {@code question_event} and a {@code NOTIFY} on {@link #CHANNEL}, so that the live inbox of every
 * app node hears of it exactly when it is committed. Times come from the service's clock, never
 * from {@code now()}, so that tests can move time.
 */
final class QuestionRepository {

    /** The PostgreSQL channel every change of a question is announced on. */
    static final String CHANNEL = "partymap_consult";

    private static final String GRID = """
            SELECT g.id, g.code, g.name, g.leader_name, g.duties, c.id AS community_id, c.name AS community_name,
                   c.subdistrict_id, c.service_hours
              FROM grid g JOIN community c ON c.id = g.community_id WHERE g.id = ?""";

    /** The grid that covers a point; on a shared edge the lowest id (the same tie rule as /api/locate's ORDER BY). */
    private static final String GRID_AT = """
            SELECT g.id FROM grid g WHERE ST_Covers(g.geom, ST_SetSRID(ST_MakePoint(?, ?), 4326)) ORDER BY g.id LIMIT 1""";

    private static final String INSERT = """
            INSERT INTO question (token_hash, grid_id, topic, body, phone, geom, place_text, place_uncertain,
                                  asked_at, clock_start, due_at, escalate_at, updated_at)
            VALUES (?, ?, ?, ?, ?, CASE WHEN ?::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(?, ?), 4326) END,
                    ?, ?, ?, ?, ?, ?, ?)
            RETURNING id""";

    private static final String EVENT = """
            INSERT INTO question_event (question_id, at, kind, user_id, author, body, from_grid_id, to_grid_id, escalation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String SEEN = """
            INSERT INTO question_event (question_id, at, kind, user_id, author) VALUES (?, ?, 'seen', ?, ?)
            ON CONFLICT (question_id, user_id) WHERE kind = 'seen' DO NOTHING""";

    private static final String NOTIFY = """
            SELECT pg_notify('%s', json_build_object('id', q.id, 'kind', ?::text, 'grid', q.grid_id, 'community', g.community_id,
                                 'subdistrict', c.subdistrict_id, 'escalation', q.escalation, 'from_grid', ?::int)::text)
              FROM question q JOIN grid g ON g.id = q.grid_id JOIN community c ON c.id = g.community_id
             WHERE q.id = ?""".formatted(CHANNEL);

    private static final String COLUMNS = """
            SELECT q.id, q.topic, q.body, q.phone, q.status, q.asked_at, q.clock_start, q.due_at, q.escalate_at,
                   q.first_answer_at, q.first_answer_service_seconds, q.escalation, q.place_uncertain, q.place_text, q.solved,
                   q.updated_at, ST_X(q.geom) AS lon, ST_Y(q.geom) AS lat,
                   g.id AS grid_id, g.code AS grid_code, g.name AS grid_name, g.leader_name,
                   c.id AS community_id, c.name AS community_name, c.subdistrict_id, c.service_hours
              FROM question q JOIN grid g ON g.id = q.grid_id JOIN community c ON c.id = g.community_id
            """;

    private static final String BY_ID = COLUMNS + " WHERE q.id = ?";
    private static final String BY_ID_FOR_UPDATE = COLUMNS + " WHERE q.id = ? FOR UPDATE OF q";
    private static final String BY_TOKEN = COLUMNS + " WHERE q.token_hash = ?";
    private static final String VISIBLE = COLUMNS + " WHERE q.id = ? AND " + ConsultAccess.SQL;

    private static final String INBOX_WHERE = """
             WHERE %s
               AND (?::int IS NULL OR q.grid_id = ?::int)""".formatted(ConsultAccess.SQL);
    private static final String INBOX = COLUMNS + INBOX_WHERE + """

               AND q.status = ?
             ORDER BY CASE WHEN q.status = 'waiting' THEN q.asked_at END ASC, q.updated_at DESC, q.id
             LIMIT ? OFFSET ?""";
    private static final String INBOX_COUNTS = """
            SELECT q.status, count(*) FROM question q JOIN grid g ON g.id = q.grid_id JOIN community c ON c.id = g.community_id
            """ + INBOX_WHERE + " GROUP BY q.status";

    private static final String EVENTS = """
            SELECT e.at, e.kind, e.author, e.body, e.escalation, fg.name AS from_grid, tg.name AS to_grid
              FROM question_event e
              LEFT JOIN grid fg ON fg.id = e.from_grid_id
              LEFT JOIN grid tg ON tg.id = e.to_grid_id
             WHERE e.question_id = ? ORDER BY e.at, e.id""";

    private static final String ANSWERED = """
            UPDATE question SET status = 'answered', updated_at = ?,
                   first_answer_at = coalesce(first_answer_at, ?),
                   first_answer_service_seconds = coalesce(first_answer_service_seconds, ?)
             WHERE id = ?""";
    private static final String STATUS = "UPDATE question SET status = ?, solved = coalesce(?, solved), updated_at = ? WHERE id = ?";
    private static final String MOVE = "UPDATE question SET grid_id = ?, updated_at = ? WHERE id = ?";

    /**
     * Questions past a limit unanswered and not yet raised to it, with the level they are due for
     * (one level, or two at once after a long closure); rows another sweep holds are left to it.
     */
    private static final String DUE = """
            SELECT q.id, CASE WHEN q.escalate_at <= ? THEN 2 ELSE 1 END AS level
              FROM question q
             WHERE q.first_answer_at IS NULL AND q.escalation < 2 AND q.due_at <= ?
               AND (q.escalation = 0 OR q.escalate_at <= ?)
             ORDER BY q.due_at
             LIMIT 500
               FOR UPDATE SKIP LOCKED""";
    private static final String RAISE = "UPDATE question SET escalation = ?, updated_at = ? WHERE id = ? AND escalation < ?";

    private static final String SERVICE_HOURS = "UPDATE community SET service_hours = ?, updated_at = now() WHERE id = ?";

    /** A grid a question can be routed to, with what the form and the clock need. */
    record GridInfo(int id, String code, String name, String leaderName, List<String> duties, int communityId,
                    String communityName, int subdistrictId, String serviceHours) {
    }

    /** A question as stored. {@code phone} is whole: callers mask it where it is listed. */
    record Row(long id, String topic, String body, String phone, String status, Instant askedAt, Instant clockStart,
               Instant dueAt, Instant escalateAt, Instant firstAnswerAt, Integer firstAnswerServiceSeconds, int escalation,
               boolean placeUncertain, String placeText, Boolean solved, Instant updatedAt, Double lon, Double lat,
               int gridId, String gridCode, String gridName, String leaderName, int communityId, String communityName,
               int subdistrictId, String serviceHours) {
    }

    /** One step of a question's history. */
    record Event(Instant at, String kind, String author, String body, Integer escalation, String fromGrid, String toGrid) {
    }

    /** A new question's values. */
    record NewQuestion(String tokenHash, int gridId, String topic, String body, String phone, Double lon, Double lat,
                       String placeText, boolean placeUncertain, Instant askedAt, Instant clockStart, Instant dueAt,
                       Instant escalateAt) {
    }

    private final DataSource ds;

    QuestionRepository(DataSource ds) {
        this.ds = ds;
    }

    DataSource dataSource() {
        return ds;
    }

    Optional<GridInfo> grid(int id) {
        return Sql.one(ds, GRID, QuestionRepository::gridInfo, id);
    }

    Optional<Integer> gridAt(double lon, double lat) {
        return Sql.one(ds, GRID_AT, rs -> rs.getInt(1), lon, lat);
    }

    long insert(Connection c, NewQuestion q) throws SQLException {
        long id = Sql.one(c, INSERT, rs -> rs.getLong(1), q.tokenHash(), q.gridId(), q.topic(), q.body(), q.phone(),
                q.lon(), q.lon(), q.lat(), q.placeText(), q.placeUncertain(), ts(q.askedAt()), ts(q.clockStart()), ts(q.dueAt()),
                ts(q.escalateAt()), ts(q.askedAt())).orElseThrow();
        event(c, id, q.askedAt(), "asked", null, null, null, null, null, null);
        return id;
    }

    void event(Connection c, long id, Instant at, String kind, Integer userId, String author, String body,
               Integer fromGrid, Integer toGrid, Integer escalation) throws SQLException {
        Sql.update(c, EVENT, id, ts(at), kind, userId, author, body, fromGrid, toGrid, escalation);
    }

    /** Records that an account opened the question (once per account). */
    void seen(Connection c, long id, Instant at, int userId, String author) throws SQLException {
        Sql.update(c, SEEN, id, ts(at), userId, author);
    }

    /** Announces a committed change to every node's live inbox (sent when the transaction commits). */
    void notify(Connection c, long id, String kind, Integer fromGrid) throws SQLException {
        Sql.one(c, NOTIFY, rs -> Boolean.TRUE, kind, fromGrid, id);
    }

    Optional<Row> byId(long id) {
        return Sql.one(ds, BY_ID, QuestionRepository::row, id);
    }

    Optional<Row> lock(Connection c, long id) throws SQLException {
        return Sql.one(c, BY_ID_FOR_UPDATE, QuestionRepository::row, id);
    }

    Optional<Row> byToken(String tokenHash) {
        return Sql.one(ds, BY_TOKEN, QuestionRepository::row, tokenHash);
    }

    /** The question, if this account may read it (the parameters of {@link ConsultAccess#params}). */
    Optional<Row> visible(long id, Object[] access) {
        return Sql.one(ds, VISIBLE, QuestionRepository::row, concat(new Object[] {id}, access));
    }

    List<Row> inbox(Object[] access, Integer grid, String status, int limit, int offset) {
        return Sql.list(ds, INBOX, QuestionRepository::row, concat(access, new Object[] {grid, grid, status, limit, offset}));
    }

    List<Object[]> counts(Object[] access, Integer grid) {
        return Sql.list(ds, INBOX_COUNTS, rs -> new Object[] {rs.getString(1), rs.getLong(2)}, concat(access, new Object[] {grid, grid}));
    }

    List<Event> events(long id) {
        return Sql.list(ds, EVENTS, rs -> new Event(instant(rs, "at"), rs.getString("kind"), rs.getString("author"), rs.getString("body"),
                (Integer) rs.getObject("escalation"), rs.getString("from_grid"), rs.getString("to_grid")), id);
    }

    void answered(Connection c, long id, Instant at, int serviceSeconds) throws SQLException {
        Sql.update(c, ANSWERED, ts(at), ts(at), serviceSeconds, id);
    }

    void status(Connection c, long id, String status, Boolean solved, Instant at) throws SQLException {
        Sql.update(c, STATUS, status, solved, ts(at), id);
    }

    void move(Connection c, long id, int toGrid, Instant at) throws SQLException {
        Sql.update(c, MOVE, toGrid, ts(at), id);
    }

    /** Raises what is due at {@code now}, with an event and a notification each; the number raised. */
    int escalateDue(Instant now) {
        return Sql.transaction(ds, c -> {
            List<long[]> due = Sql.list(c, DUE, rs -> new long[] {rs.getLong(1), rs.getInt(2)}, ts(now), ts(now), ts(now));
            int raised = 0;
            for (long[] d : due) {
                int level = (int) d[1];
                if (Sql.update(c, RAISE, level, ts(now), d[0], level) == 1) {
                    event(c, d[0], now, "escalated", null, null, null, null, null, level);
                    notify(c, d[0], "escalated", null);
                    raised++;
                }
            }
            return raised;
        });
    }

    boolean setServiceHours(int communityId, String hours) {
        return Sql.update(ds, SERVICE_HOURS, hours, communityId) == 1;
    }

    static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static GridInfo gridInfo(ResultSet rs) throws SQLException {
        return new GridInfo(rs.getInt("id"), rs.getString("code"), rs.getString("name"), rs.getString("leader_name"),
                List.of((String[]) rs.getArray("duties").getArray()), rs.getInt("community_id"), rs.getString("community_name"),
                rs.getInt("subdistrict_id"), rs.getString("service_hours"));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("body"), rs.getString("phone"), rs.getString("status"),
                instant(rs, "asked_at"), instant(rs, "clock_start"), instant(rs, "due_at"), instant(rs, "escalate_at"),
                instant(rs, "first_answer_at"), (Integer) rs.getObject("first_answer_service_seconds"), rs.getInt("escalation"),
                rs.getBoolean("place_uncertain"), rs.getString("place_text"), (Boolean) rs.getObject("solved"),
                instant(rs, "updated_at"), (Double) rs.getObject("lon"), (Double) rs.getObject("lat"),
                rs.getInt("grid_id"), rs.getString("grid_code"), rs.getString("grid_name"), rs.getString("leader_name"),
                rs.getInt("community_id"), rs.getString("community_name"), rs.getInt("subdistrict_id"), rs.getString("service_hours"));
    }
}
