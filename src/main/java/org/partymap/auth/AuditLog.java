package org.partymap.auth;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import java.util.stream.Stream;
import org.partymap.db.Sql;
import org.partymap.io.CsvWriter;

/**
 * The audit log: who did what to which record, when and from where. Written for every read of
 * a resident's record (and every refused attempt), every login and logout, every change to an
 * account, every upload and every read of this log itself. Append-only: the database refuses
 * updates and deletes (migration V2).
 */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String INSERT = """
            INSERT INTO audit_log (user_id, username, action, target_type, target_id, ip, detail)
            VALUES (?, ?, ?, ?, ?, ?::inet, ?::jsonb)""";

    /** Newest first; every filter optional. */
    private static final String SELECT = """
            SELECT id, at, username, action, target_type, target_id, host(ip) AS ip, detail::text AS detail
              FROM audit_log
             WHERE (?::bigint IS NULL OR id < ?::bigint)
               AND (?::text IS NULL OR action = ?::text)
               AND (?::text IS NULL OR lower(username) = lower(?::text))
               AND (?::text IS NULL OR target_type = ?::text)
               AND (?::text IS NULL OR target_id = ?::text)
               AND (?::timestamptz IS NULL OR at >= ?::timestamptz)
               AND (?::timestamptz IS NULL OR at < ?::timestamptz)
             ORDER BY id DESC
             LIMIT ?""";

    /** Who acts: an account (with the address it came from), or the command line. */
    public record Actor(Integer userId, String username, String ip) {
        public static Actor of(User user, String ip) {
            return new Actor(user.id(), user.username(), ip);
        }

        /** The server's own command line: whoever can run it can read the database anyway. */
        public static Actor commandLine() {
            return new Actor(null, "(command line: " + System.getProperty("user.name", "?") + ")", null);
        }

        /** Someone without an account (a resident claiming a wish), known only by the address they call from. */
        public static Actor anonymous(String ip) {
            return new Actor(null, "(public)", ip);
        }

        public static Actor demo() {
            return new Actor(null, "(demo)", null);
        }
    }

    /** What to look for; empty members match everything. */
    public record Filter(Optional<Long> before, Optional<String> action, Optional<String> username,
                         Optional<String> targetType, Optional<String> targetId,
                         Optional<OffsetDateTime> from, Optional<OffsetDateTime> to, int limit) {
    }

    /** One entry, as the admin API and the export give it. */
    public record Entry(long id, String at, String username, String action, String targetType, String targetId,
                        String ip, @JsonRawValue String detail) {
    }

    private final DataSource ds;

    public AuditLog(DataSource ds) {
        this.ds = ds;
    }

    public void record(Actor actor, String action, String targetType, Object targetId, Map<String, ?> detail) {
        try (Connection c = ds.getConnection()) {
            record(c, actor, action, targetType, targetId, detail);
        } catch (SQLException e) {
            throw new Sql.DataAccessException(e);
        }
    }

    /** Records inside the caller's transaction: the entry stands or falls with what it records. */
    public static void record(Connection c, Actor actor, String action, String targetType, Object targetId,
                              Map<String, ?> detail) throws SQLException {
        Sql.update(c, INSERT, actor.userId(), actor.username(), action, targetType,
                targetId == null ? null : targetId.toString(), actor.ip(), json(detail));
    }

    public List<Entry> find(Filter f) {
        return Sql.list(ds, SELECT, AuditLog::entry, params(f));
    }

    /** Streams every matching entry to {@code out} as CSV, row by row; returns how many. */
    public long exportCsv(Filter f, Writer out) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false); // lets the driver fetch in batches instead of all at once
            try (PreparedStatement ps = Sql.prepare(c, SELECT, params(f))) {
                ps.setFetchSize(1000);
                long n = 0;
                out.write("\uFEFFid,at,username,action,target_type,target_id,ip,detail\r\n");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Entry e = entry(rs);
                        out.write(CsvWriter.row(Stream.of(Long.toString(e.id()), e.at(), e.username(), e.action(),
                                e.targetType(), e.targetId(), e.ip(), e.detail()).map(CsvWriter::spreadsheetSafe).toArray(String[]::new)));
                        n++;
                    }
                }
                c.commit();
                return n;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new Sql.DataAccessException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object[] params(Filter f) {
        Long before = f.before().orElse(null);
        String action = f.action().orElse(null);
        String user = f.username().orElse(null);
        String type = f.targetType().orElse(null);
        String target = f.targetId().orElse(null);
        OffsetDateTime from = f.from().orElse(null);
        OffsetDateTime to = f.to().orElse(null);
        return new Object[] {before, before, action, action, user, user, type, type, target, target, from, from, to, to, f.limit()};
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toString(), rs.getString("username"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("ip"),
                rs.getString("detail"));
    }

    private static String json(Map<String, ?> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not JSON-able", e);
        }
    }
}
