package org.partymap.auth;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * Login sessions, in the database so that every app node behind a load balancer knows them.
 * The browser holds a random 256-bit token; the table holds only its SHA-256, so that a copy of
 * the table (a backup, a replica) cannot be used to log in. A session ends at logout, after
 * {@code idle} without a request, {@code max} after login whatever happens, and when its account
 * is disabled or its password changes.
 */
public final class SessionStore {

    private static final String CREATE = """
            INSERT INTO session (id, user_id, expires_at, ip, user_agent)
            VALUES (?, ?, now() + make_interval(secs => ?), ?::inet, ?)""";

    /** The account behind a live session, with its scope; {@code stale} when last_seen_at needs a touch. */
    private static final String RESOLVE = """
            SELECT u.id, u.username, u.display_name, u.role, u.must_change_password,
                   ARRAY(SELECT grid_id FROM app_user_grid WHERE user_id = u.id) AS grids,
                   ARRAY(SELECT subdistrict_id FROM app_user_subdistrict WHERE user_id = u.id) AS subdistricts,
                   ARRAY(SELECT community_id FROM app_user_community WHERE user_id = u.id) AS communities,
                   ARRAY(SELECT g.id FROM app_user_community uc JOIN grid g ON g.community_id = uc.community_id
                          WHERE uc.user_id = u.id) AS community_grids,
                   ARRAY(SELECT party_group_id FROM app_user_party_group WHERE user_id = u.id) AS party_groups,
                   s.last_seen_at < now() - interval '30 seconds' AS stale
              FROM session s
              JOIN app_user u ON u.id = s.user_id
             WHERE s.id = ?
               AND NOT u.disabled
               AND s.expires_at > now()
               AND s.last_seen_at > now() - make_interval(secs => ?)""";

    private static final String TOUCH = "UPDATE session SET last_seen_at = now() WHERE id = ?";
    private static final String END = "DELETE FROM session WHERE id = ?";
    private static final String END_ALL = "DELETE FROM session WHERE user_id = ?";
    private static final String END_OTHERS = "DELETE FROM session WHERE user_id = ? AND id <> ?";
    private static final String SWEEP = "DELETE FROM session WHERE expires_at < now() OR last_seen_at < now() - make_interval(secs => ?)";

    /** An account's live sessions, the one of {@code current_id} flagged; never the id (the token's hash). */
    private static final String LIST = """
            SELECT ref::text, user_agent, host(ip) AS ip, created_at, last_seen_at, id = ? AS current
              FROM session
             WHERE user_id = ? AND expires_at > now() AND last_seen_at > now() - make_interval(secs => ?)
             ORDER BY last_seen_at DESC, created_at DESC""";
    private static final String END_REF = "DELETE FROM session WHERE user_id = ? AND ref = ?::uuid";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource ds;
    private final Duration idle;
    private final Duration max;

    public SessionStore(DataSource ds, Duration idle, Duration max) {
        this.ds = ds;
        this.idle = idle;
        this.max = max;
    }

    public Duration max() {
        return max;
    }

    /** Starts a session and returns the token for the cookie; only its hash is stored. */
    public String create(int userId, String ip, String userAgent) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String agent = userAgent == null ? null : userAgent.substring(0, Math.min(200, userAgent.length()));
        Sql.update(ds, SWEEP, idle.toSeconds());
        Sql.update(ds, CREATE, hash(token), userId, max.toSeconds(), ip, agent);
        return token;
    }

    /** The account of a live session, or empty for an unknown, ended or expired token. */
    public Optional<User> resolve(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String id = hash(token);
        var found = Sql.one(ds, RESOLVE, rs -> new Resolved(user(rs), rs.getBoolean("stale")), id, idle.toSeconds());
        found.filter(Resolved::stale).ifPresent(r -> Sql.update(ds, TOUCH, id));
        return found.map(Resolved::user);
    }

    public void end(String token) {
        if (token != null && TOKEN.matcher(token).matches()) {
            Sql.update(ds, END, hash(token));
        }
    }

    /** Ends every session of an account (it was disabled, its password was reset, an admin said so); answers how many. */
    public int endAll(int userId) {
        return Sql.update(ds, END_ALL, userId);
    }

    /** Ends the account's other sessions, keeping the one that asked (or changed the password); answers how many. */
    public int endOthers(int userId, String keepToken) {
        return Sql.update(ds, END_OTHERS, userId, keepToken == null ? "" : hash(keepToken));
    }

    /**
     * A live session as its owner (or an admin) sees it.
     *
     * @param id        the session's reference (a UUID), not its token or the token's hash
     * @param startedAt ISO 8601
     * @param lastSeenAt ISO 8601, to within 30 seconds
     */
    public record Info(String id, String userAgent, String ip, String startedAt, String lastSeenAt, boolean current) {
    }

    /** The account's live sessions, most recently used first; {@code currentToken}'s is flagged. */
    public List<Info> list(int userId, String currentToken) {
        return Sql.list(ds, LIST, rs -> new Info(rs.getString("ref"), rs.getString("user_agent"), rs.getString("ip"),
                        rs.getObject("created_at", OffsetDateTime.class).toString(),
                        rs.getObject("last_seen_at", OffsetDateTime.class).toString(), rs.getBoolean("current")),
                currentToken == null ? "" : hash(currentToken), userId, idle.toSeconds());
    }

    /** Ends one of the account's sessions by its reference; false when it has none by that reference. */
    public boolean endByRef(int userId, UUID ref) {
        return Sql.update(ds, END_REF, userId, ref.toString()) > 0;
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getInt("id"), rs.getString("username"), rs.getString("display_name"),
                Role.ofAccount(rs.getString("role")), rs.getBoolean("must_change_password"),
                ids(rs.getArray("grids")), ids(rs.getArray("subdistricts")), ids(rs.getArray("communities")),
                ids(rs.getArray("community_grids")), ids(rs.getArray("party_groups")));
    }

    static Set<Integer> ids(Array array) throws SQLException {
        Integer[] values = (Integer[]) array.getArray();
        return new HashSet<>(Arrays.asList(values));
    }

    private record Resolved(User user, boolean stale) {
    }
}
