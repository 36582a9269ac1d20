package org.partymap.wish;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * The SQL of wishes. Every change of state is one conditional {@code UPDATE … WHERE status = …}:
 * of two claims sent at the same instant, the database lets exactly one find the wish open.
 */
public final class WishRepository {

    /** At most this many open and claimed wishes on a wall, and this many fulfilled ones (the newest). */
    static final int WALL_OPEN = 200;
    static final int WALL_FULFILLED = 60;

    private static final String SELECT = """
            SELECT w.id, w.grid_id, g.code AS grid_code, g.name AS grid_name, c.id AS community_id, c.name AS community_name,
                   c.subdistrict_id, w.resident_id, r.name AS resident_name, w.question_id, w.title, w.category, w.situation,
                   w.due_on, w.status, w.posted_at, w.claimed_at, w.claimant_user_id, u.display_name AS claimant_account,
                   pg.name AS claimant_group, w.claimant_name, w.claimant_phone, w.claim_confirmed, w.fulfilled_at, w.thanks, w.updated_at
              FROM wish w
              JOIN grid g ON g.id = w.grid_id
              JOIN community c ON c.id = g.community_id
              LEFT JOIN resident r ON r.id = w.resident_id
              LEFT JOIN app_user u ON u.id = w.claimant_user_id
              LEFT JOIN party_group pg ON pg.id = w.claimant_party_group_id
            """;

    private static final String FIND = SELECT + " WHERE w.id = ?";

    /** The staff's list: ?1 every grid, or ?2 grids, ?3 communities, ?4 subdistricts; then the filters. */
    private static final String LIST = SELECT + """
             WHERE (?::boolean OR w.grid_id = ANY (?::int[]) OR c.id = ANY (?::int[]) OR c.subdistrict_id = ANY (?::int[]))
               AND (?::int IS NULL OR w.grid_id = ?::int)
               AND (?::int IS NULL OR c.id = ?::int)
               AND (?::text IS NULL OR w.status = ?::text)
             ORDER BY CASE w.status WHEN 'claimed' THEN 0 WHEN 'open' THEN 1 WHEN 'fulfilled' THEN 2 ELSE 3 END,
                      w.due_on, w.id
             LIMIT ? OFFSET ?""";

    private static final String WALL = "(" + SELECT + """
             WHERE c.id = ? AND w.status IN ('open', 'claimed')
             ORDER BY w.status DESC, w.due_on, w.id LIMIT %d)
            UNION ALL
            (""".formatted(WALL_OPEN) + SELECT + """
             WHERE c.id = ? AND w.status = 'fulfilled'
             ORDER BY w.fulfilled_at DESC, w.id DESC LIMIT %d)""".formatted(WALL_FULFILLED);

    private static final String MINE = SELECT + " WHERE w.claimant_user_id = ? ORDER BY w.claimed_at DESC, w.id DESC LIMIT 200";

    /** Figures of a community: median days from posting to fulfilment over the fulfilled wishes. */
    private static final String FIGURES = """
            SELECT count(*) FILTER (WHERE w.status <> 'withdrawn'),
                   count(*) FILTER (WHERE w.status = 'open'),
                   count(*) FILTER (WHERE w.status = 'claimed'),
                   count(*) FILTER (WHERE w.status = 'fulfilled'),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM w.fulfilled_at - w.posted_at) / 86400)
                       FILTER (WHERE w.status = 'fulfilled')
              FROM wish w JOIN grid g ON g.id = w.grid_id WHERE g.community_id = ?""";

    private static final String GRID = """
            SELECT g.id, g.code, g.name, c.id, c.name, c.subdistrict_id
              FROM grid g JOIN community c ON c.id = g.community_id WHERE g.id = ?""";

    private static final String COMMUNITY = "SELECT id, name FROM community WHERE id = ?";

    private static final String RESIDENT_GRID = "SELECT grid_id FROM resident WHERE id = ?";
    private static final String QUESTION_GRID = "SELECT grid_id FROM question WHERE id = ?";

    /** The first resident of a community whose name (two characters or more) or phone the text holds. */
    private static final String NAMED_RESIDENT = """
            SELECT r.name FROM resident r JOIN grid g ON g.id = r.grid_id
             WHERE g.community_id = ?
               AND (length(r.name) >= 2 AND strpos(?, r.name) > 0
                    OR length(r.phone) >= 7 AND strpos(?, r.phone) > 0)
             LIMIT 1""";

    private static final String INSERT = """
            INSERT INTO wish (grid_id, resident_id, question_id, title, category, situation, due_on, posted_by, posted_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""";

    private static final String CLAIM = """
            UPDATE wish SET status = 'claimed', claimed_at = ?, claimant_user_id = ?, claimant_name = ?, claimant_phone = ?,
                            claimant_party_group_id = (SELECT up.party_group_id FROM app_user_party_group up
                                                         JOIN party_group p ON p.id = up.party_group_id
                                                        WHERE up.user_id = ?::int ORDER BY p.name, p.id LIMIT 1),
                            claim_confirmed = ?, updated_at = ?
             WHERE id = ? AND status = 'open'""";

    private static final String CONFIRM = """
            UPDATE wish SET claim_confirmed = true, updated_at = ? WHERE id = ? AND status = 'claimed' AND NOT claim_confirmed""";

    private static final String RELEASE = """
            UPDATE wish SET status = 'open', claimed_at = NULL, claimant_user_id = NULL, claimant_name = NULL, claimant_phone = NULL,
                            claimant_party_group_id = NULL, claim_confirmed = NULL, updated_at = ?
             WHERE id = ? AND status = 'claimed'""";

    private static final String FULFIL = """
            UPDATE wish SET status = 'fulfilled', fulfilled_at = greatest(?, claimed_at), thanks = ?, claim_confirmed = true, updated_at = ?
             WHERE id = ? AND status = 'claimed'""";

    private static final String WITHDRAW = """
            UPDATE wish SET status = 'withdrawn', withdrawn_at = ?, updated_at = ? WHERE id = ? AND status IN ('open', 'claimed')""";

    /** A new wish, as the service checked it. */
    public record Draft(int gridId, Long residentId, Long questionId, String title, WishCategory category, String situation,
                        LocalDate dueOn, Integer postedBy, Instant postedAt) {
    }

    /** Which wishes a staff list may hold. */
    public record Scope(boolean all, List<Integer> grids, List<Integer> communities, List<Integer> subdistricts) {
    }

    /** Figures of a community's wishes; {@code medianDaysToFulfil} null before the first is fulfilled. */
    public record Figures(long posted, long open, long claimed, long fulfilled, Double medianDaysToFulfil) {
    }

    private final DataSource ds;

    public WishRepository(DataSource ds) {
        this.ds = ds;
    }

    DataSource dataSource() {
        return ds;
    }

    public Optional<Wish> find(long id) {
        return Sql.one(ds, FIND, WishRepository::wish, id);
    }

    Optional<Wish> find(Connection c, long id) throws SQLException {
        return Sql.one(c, FIND, WishRepository::wish, id);
    }

    public List<Wish> list(Scope scope, Optional<Integer> grid, Optional<Integer> community, Optional<Wish.Status> status, int limit, int offset) {
        Integer g = grid.orElse(null);
        Integer c = community.orElse(null);
        String s = status.map(Wish.Status::code).orElse(null);
        return Sql.list(ds, LIST, WishRepository::wish, scope.all(), scope.grids().toArray(Integer[]::new),
                scope.communities().toArray(Integer[]::new), scope.subdistricts().toArray(Integer[]::new), g, g, c, c, s, s, limit, offset);
    }

    /** A community's wall: its open and claimed wishes by due date, then its newest fulfilled ones. */
    public List<Wish> wall(int communityId) {
        return Sql.list(ds, WALL, WishRepository::wish, communityId, communityId);
    }

    public List<Wish> claimedBy(int userId) {
        return Sql.list(ds, MINE, WishRepository::wish, userId);
    }

    public Figures figures(int communityId) {
        return Sql.one(ds, FIGURES, rs -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                (Double) rs.getObject(5)), communityId).orElseThrow();
    }

    public Optional<Wish.Grid> grid(int gridId) {
        return Sql.one(ds, GRID, rs -> new Wish.Grid(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getInt(6)), gridId);
    }

    /** A community's name, if it exists. */
    public Optional<String> communityName(int communityId) {
        return Sql.one(ds, COMMUNITY, rs -> rs.getString(2), communityId);
    }

    /** The grid of a resident: empty when there is no such resident, a null value when it has none. */
    Optional<Optional<Integer>> residentGrid(long residentId) {
        return Sql.one(ds, RESIDENT_GRID, rs -> Optional.ofNullable((Integer) rs.getObject(1)), residentId);
    }

    Optional<Integer> questionGrid(long questionId) {
        return Sql.one(ds, QUESTION_GRID, rs -> rs.getInt(1), questionId);
    }

    /** The name of a resident of the community whose name or phone {@code text} holds, if any. */
    Optional<String> residentNamedIn(int communityId, String text) {
        return Sql.one(ds, NAMED_RESIDENT, rs -> rs.getString(1), communityId, text, text);
    }

    long insert(Connection c, Draft d) throws SQLException {
        return Sql.one(c, INSERT, rs -> rs.getLong(1), d.gridId(), d.residentId(), d.questionId(), d.title(), d.category().code(),
                d.situation(), d.dueOn(), d.postedBy(), Timestamp.from(d.postedAt()), Timestamp.from(d.postedAt())).orElseThrow();
    }

    /** Claims an open wish; false when it was not open (claimed by someone else first, fulfilled, withdrawn). */
    boolean claim(Connection c, long id, Instant at, Integer userId, String name, String phone, boolean confirmed) throws SQLException {
        Timestamp t = Timestamp.from(at);
        return Sql.update(c, CLAIM, t, userId, name, phone, userId, confirmed, t, id) == 1;
    }

    boolean confirm(Connection c, long id, Instant at) throws SQLException {
        return Sql.update(c, CONFIRM, Timestamp.from(at), id) == 1;
    }

    boolean release(Connection c, long id, Instant at) throws SQLException {
        return Sql.update(c, RELEASE, Timestamp.from(at), id) == 1;
    }

    boolean fulfil(Connection c, long id, Instant at, String thanks) throws SQLException {
        Timestamp t = Timestamp.from(at);
        return Sql.update(c, FULFIL, t, thanks, t, id) == 1;
    }

    boolean withdraw(Connection c, long id, Instant at) throws SQLException {
        Timestamp t = Timestamp.from(at);
        return Sql.update(c, WITHDRAW, t, t, id) == 1;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Wish wish(ResultSet rs) throws SQLException {
        return new Wish(rs.getLong("id"),
                new Wish.Grid(rs.getInt("grid_id"), rs.getString("grid_code"), rs.getString("grid_name"), rs.getInt("community_id"),
                        rs.getString("community_name"), rs.getInt("subdistrict_id")),
                (Long) rs.getObject("resident_id"), rs.getString("resident_name"), (Long) rs.getObject("question_id"),
                rs.getString("title"), WishCategory.of(rs.getString("category")), rs.getString("situation"),
                rs.getObject("due_on", LocalDate.class), Wish.Status.of(rs.getString("status")), instant(rs, "posted_at"),
                instant(rs, "claimed_at"), (Integer) rs.getObject("claimant_user_id"), rs.getString("claimant_account"),
                rs.getString("claimant_group"), rs.getString("claimant_name"), rs.getString("claimant_phone"),
                (Boolean) rs.getObject("claim_confirmed"), instant(rs, "fulfilled_at"), rs.getString("thanks"), instant(rs, "updated_at"));
    }
}
