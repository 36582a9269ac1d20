package org.partymap.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.auth.AuditLog;
import org.partymap.db.Sql;

/**
 * The SQL of notices. Every write records itself in the audit log in its own transaction, and the
 * statement trigger of migration V10 raises the {@code notice} layer version in the same one.
 */
public final class NoticeRepository {

    /** How many notices of each kind a community's public answers can reach: the most {@code limit} asks for. */
    public static final int NEWEST_PER_KIND = 50;

    private static final String COMMUNITY = """
            SELECT c.id, c.code, c.name, c.subdistrict_id, c.updated_at
              FROM community c WHERE c.id = ?""";

    /**
     * The newest {@link #NEWEST_PER_KIND} public notices of each kind, newest first: whatever
     * {@code kind=} and {@code limit=} ask for is a prefix of this list, filtered.
     */
    private static final String NEWEST = """
            SELECT id, community_id, kind, title, body, author_name, published_at, updated_at
              FROM (SELECT n.*, row_number() OVER (PARTITION BY n.kind ORDER BY n.published_at DESC, n.id DESC) AS rank
                      FROM notice n
                     WHERE n.community_id = ? AND n.withdrawn_at IS NULL) newest
             WHERE rank <= ?
             ORDER BY published_at DESC, id DESC""";

    /** When anything of the community's notices last changed, a withdrawal included (the feed's updated). */
    private static final String LAST_CHANGE = """
            SELECT max(greatest(updated_at, withdrawn_at)) FROM notice WHERE community_id = ?""";

    private static final String PUBLIC_ONE = """
            SELECT id, community_id, kind, title, body, author_name, published_at, updated_at
              FROM notice WHERE id = ? AND withdrawn_at IS NULL""";

    /** A notice for its staff, withdrawn or not, with the community that decides who may change it. */
    private static final String FOR_STAFF = """
            SELECT n.id, n.community_id, n.withdrawn_at IS NOT NULL AS withdrawn
              FROM notice n WHERE n.id = ?""";

    private static final String INSERT = """
            INSERT INTO notice (community_id, kind, title, body, author_name, created_by, published_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id""";

    private static final String UPDATE = """
            UPDATE notice
               SET kind = coalesce(?, kind), title = coalesce(?, title), body = coalesce(?, body),
                   updated_at = greatest(?, published_at)
             WHERE id = ? AND withdrawn_at IS NULL""";

    private static final String WITHDRAW = """
            UPDATE notice SET withdrawn_at = greatest(?, published_at) WHERE id = ? AND withdrawn_at IS NULL""";

    /** A notice as its staff handle it. */
    public record StaffView(long id, int communityId, boolean withdrawn) {
    }

    /** A notice to publish: its text checked already. */
    public record Draft(NoticeKind kind, String title, String body, String author) {
    }

    /** A change of a notice: the members left empty stay as they are. */
    public record Change(Optional<NoticeKind> kind, Optional<String> title, Optional<String> body) {
    }

    private final DataSource ds;

    public NoticeRepository(DataSource ds) {
        this.ds = ds;
    }

    public Optional<CommunityRef> community(int id) {
        return Sql.one(ds, COMMUNITY, rs -> new CommunityRef(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                instant(rs, 5)), id);
    }

    /** The newest public notices of a community, {@link #NEWEST_PER_KIND} of each kind at most, newest first. */
    public List<Notice> newest(int communityId) {
        return Sql.list(ds, NEWEST, NoticeRepository::notice, communityId, NEWEST_PER_KIND);
    }

    public Optional<Instant> lastChange(int communityId) {
        return Sql.one(ds, LAST_CHANGE, rs -> instant(rs, 1), communityId);
    }

    /** A notice the public may see: not withdrawn. */
    public Optional<Notice> find(long id) {
        return Sql.one(ds, PUBLIC_ONE, NoticeRepository::notice, id);
    }

    public Optional<StaffView> forStaff(long id) {
        return Sql.one(ds, FOR_STAFF, rs -> new StaffView(rs.getLong(1), rs.getInt(2), rs.getBoolean(3)), id);
    }

    /** Publishes a notice at {@code at}; returns its id. */
    public long publish(int communityId, Draft d, Integer userId, Instant at, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            long id = Sql.one(c, INSERT, rs -> rs.getLong(1), communityId, d.kind().code(), d.title(), d.body(), d.author(),
                    userId, timestamp(at), timestamp(at)).orElseThrow();
            AuditLog.record(c, actor, "notice_publish", "notice", id,
                    Map.of("community", communityId, "kind", d.kind().code(), "title", d.title()));
            return id;
        });
    }

    /** Changes a notice that is not withdrawn; false when there is none to change. */
    public boolean change(long id, Change ch, Instant at, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            int rows = Sql.update(c, UPDATE, ch.kind().map(NoticeKind::code).orElse(null), ch.title().orElse(null),
                    ch.body().orElse(null), timestamp(at), id);
            if (rows == 1) {
                AuditLog.record(c, actor, "notice_change", "notice", id, changed(ch));
            }
            return rows == 1;
        });
    }

    /** Withdraws a notice; false when it was withdrawn already (nothing changes, nothing is recorded). */
    public boolean withdraw(long id, Instant at, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            int rows = Sql.update(c, WITHDRAW, timestamp(at), id);
            if (rows == 1) {
                AuditLog.record(c, actor, "notice_withdraw", "notice", id, null);
            }
            return rows == 1;
        });
    }

    /** What a change touched, for the audit log: the new title, and which members changed. */
    private static Map<String, Object> changed(Change ch) {
        var detail = new LinkedHashMap<String, Object>();
        ch.kind().ifPresent(k -> detail.put("kind", k.code()));
        ch.title().ifPresent(t -> detail.put("title", t));
        ch.body().ifPresent(b -> detail.put("body_chars", b.codePointCount(0, b.length())));
        return detail;
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getInt("community_id"), NoticeKind.of(rs.getString("kind")), rs.getString("title"),
                rs.getString("body"), rs.getString("author_name"), instant(rs, "published_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
