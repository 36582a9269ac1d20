package org.partymap.resident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.partymap.db.CopyRows;
import org.partymap.db.Sql;

/**
 * The SQL of resident imports: the job row of each upload (its file, scope, progress and
 * summary) and the COPY that writes an import's residents. A job that has not moved for
 * {@link #STALLED_MINUTES} minutes while running (its server stopped) reads as failed.
 */
public final class ResidentImportRepository {

    static final int STALLED_MINUTES = 10;

    /** The newest import of the same bytes, finished or still running, by someone whose grids overlap. */
    private static final String SAME_FILE = """
            SELECT id, username, coalesce(finished_at, started_at) FROM resident_import
             WHERE file_sha256 = ?
               AND (status = 'done' OR status = 'running' AND updated_at > now() - make_interval(mins => %d))
               AND (all_grids OR ?::boolean OR grids && ?::int[])
             ORDER BY id DESC LIMIT 1""".formatted(STALLED_MINUTES);

    private static final String CREATE = """
            INSERT INTO resident_import (user_id, username, file_name, file_sha256, bytes, encoding, all_grids, grids, rows_total)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::int[], ?) RETURNING id""";

    private static final String PROGRESS = """
            UPDATE resident_import SET phase = ?, rows_done = ?, updated_at = now() WHERE id = ? AND status = 'running'""";

    private static final String FINISH = """
            UPDATE resident_import SET status = 'done', phase = 'finished', rows_done = rows_total, summary = ?::jsonb,
                   finished_at = now(), updated_at = now()
             WHERE id = ?""";

    private static final String FAIL = """
            UPDATE resident_import SET status = 'failed', error = ?, finished_at = now(), updated_at = now()
             WHERE id = ? AND status = 'running'""";

    private static final String READ = """
            SELECT id, user_id, username, file_name, bytes, encoding,
                   CASE WHEN status = 'running' AND updated_at < now() - make_interval(mins => %1$d) THEN 'failed' ELSE status END AS status,
                   phase, rows_total, rows_done, summary::text AS summary,
                   CASE WHEN status = 'running' AND updated_at < now() - make_interval(mins => %1$d)
                        THEN 'the import stopped without finishing (its server stopped?); nothing of it was written' ELSE error END AS error,
                   started_at, finished_at
              FROM resident_import WHERE id = ?""".formatted(STALLED_MINUTES);

    static final String RESIDENT_COLUMNS = "name, phone, id_masked, address_text, address_id, geom, match_level, match_score, "
            + "match_address, review_status, care_tags, grid_id, imported_by, import_id, import_line";

    /** An earlier import of the same file. */
    public record Earlier(long id, String username, String at) {
    }

    /** An import as its uploader sees it; the summary is JSON. */
    public record Job(long id, @JsonIgnore Integer userId, String username, String file, long bytes, String encoding,
                      String status, String phase, int rowsTotal, int rowsDone, @JsonRawValue String summary, String error,
                      String startedAt, String finishedAt) {
    }

    /** A new job: who, which file, into which grids. */
    public record NewJob(Integer userId, String username, String file, String sha256, long bytes, String encoding,
                         ResidentPlacement.Scope scope, int rows) {
    }

    private static final GeometryFactory WGS84 = new GeometryFactory();

    private final DataSource ds;

    public ResidentImportRepository(DataSource ds) {
        this.ds = ds;
    }

    public Optional<Earlier> sameFile(String sha256, ResidentPlacement.Scope scope) {
        return Sql.one(ds, SAME_FILE, rs -> new Earlier(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toString()),
                sha256, scope.allGrids(), scope.grids().toArray(Integer[]::new));
    }

    public long create(NewJob j) {
        return Sql.transaction(ds, c -> create(c, j));
    }

    static long create(Connection c, NewJob j) throws SQLException {
        return Sql.one(c, CREATE, rs -> rs.getLong(1), j.userId(), j.username(), j.file(), j.sha256(), j.bytes(), j.encoding(),
                j.scope().allGrids(), j.scope().grids().toArray(Integer[]::new), j.rows()).orElseThrow();
    }

    public void progress(long id, String phase, int done) {
        Sql.update(ds, PROGRESS, phase, done, id);
    }

    /** Marks the job done with its summary, inside the transaction that wrote its rows. */
    static void finish(Connection c, long id, String summaryJson) throws SQLException {
        Sql.update(c, FINISH, summaryJson, id);
    }

    public void fail(long id, String error) {
        Sql.update(ds, FAIL, error.length() > 1000 ? error.substring(0, 1000) + "…" : error, id);
    }

    /** The same inside the caller's transaction (with its audit record, so that whoever sees the failure sees both). */
    public void fail(java.sql.Connection c, long id, String error) throws java.sql.SQLException {
        Sql.update(c, FAIL, error.length() > 1000 ? error.substring(0, 1000) + "…" : error, id);
    }

    public Optional<Job> read(long id) {
        return Sql.one(ds, READ, ResidentImportRepository::job, id);
    }

    /** Writes the kept rows of an import with one COPY, inside the caller's transaction; returns how many. */
    static long copy(Connection c, long importId, String importedBy, List<ResidentPlacement.Placed> rows) throws SQLException {
        var copy = new CopyRows();
        for (ResidentPlacement.Placed p : rows) {
            ResidentFile.Row r = p.row();
            var best = p.best();
            copy.field(r.name()).field(r.phone()).field(r.idMasked()).field(r.address()).field(p.addressId())
                    .field(best == null ? null : WGS84.createPoint(new Coordinate(best.lon(), best.lat())))
                    .field(best == null ? "none" : best.level().code()).field(best == null ? null : (float) best.score())
                    .field(best == null ? null : best.address()).field(p.review() ? "review" : "ok").field(r.careTags())
                    .field(p.grid() == null ? null : p.grid().id()).field(importedBy).field(importId).field(r.line()).end();
        }
        return copy.copyInto(c, "resident", RESIDENT_COLUMNS);
    }

    private static Job job(ResultSet rs) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new Job(rs.getLong("id"), (Integer) rs.getObject("user_id"), rs.getString("username"), rs.getString("file_name"),
                rs.getLong("bytes"), rs.getString("encoding"), rs.getString("status"), rs.getString("phase"), rs.getInt("rows_total"),
                rs.getInt("rows_done"), rs.getString("summary"), rs.getString("error"),
                rs.getObject("started_at", OffsetDateTime.class).toString(), finished == null ? null : finished.toString());
    }
}
