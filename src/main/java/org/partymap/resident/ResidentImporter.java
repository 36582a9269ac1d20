package org.partymap.resident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.partymap.auth.AuditLog;
import org.partymap.auth.User;
import org.partymap.db.Sql;
import org.partymap.geocode.Matcher;

/**
 * Imports a residents' register, the same way from the browser, the command line and the demo:
 * {@link #prepare} reads and checks the whole file and registers it as an import job (nothing is
 * geocoded or written while the file has a bad line); {@link #run} geocodes and places every row
 * ({@link ResidentPlacement}) and writes the rows kept with one COPY, the audit entry and the
 * job's summary in one transaction — all of it or, on any failure, none of it.
 */
public final class ResidentImporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROGRESS_NANOS = 500_000_000L;

    /** Who imports: the account (null for the command line), the audit's actor, and the grids it may import into. */
    public record Uploader(Integer userId, AuditLog.Actor actor, ResidentPlacement.Scope scope) {
        public static Uploader of(User user, String ip) {
            return new Uploader(user.id(), AuditLog.Actor.of(user, ip), new ResidentPlacement.Scope(user.isAdmin(), user.servedGrids()));
        }

        /** Operators at the command line: every grid. */
        public static Uploader commandLine() {
            return new Uploader(null, AuditLog.Actor.commandLine(), new ResidentPlacement.Scope(true, Set.of()));
        }

        public static Uploader demo() {
            return new Uploader(null, AuditLog.Actor.demo(), new ResidentPlacement.Scope(true, Set.of()));
        }
    }

    /** A file read, checked and registered as job {@code id}, ready to run. */
    public record Prepared(long id, String file, long bytes, ResidentFile.Parsed parsed, Uploader uploader) {
        public int rows() {
            return parsed.rows().size();
        }
    }

    /** The same bytes were imported before by someone whose grids overlap the uploader's. */
    public static final class AlreadyImported extends RuntimeException {
        private final ResidentImportRepository.Earlier earlier;

        AlreadyImported(ResidentImportRepository.Earlier earlier) {
            super("this file was imported already (import " + earlier.id() + ", by " + earlier.username() + ", " + earlier.at() + ")");
            this.earlier = earlier;
        }

        public ResidentImportRepository.Earlier earlier() {
            return earlier;
        }
    }

    /** Hears where an import is: its phase (geocoding, writing), rows done and rows in all. */
    @FunctionalInterface
    public interface Listener {
        void progress(String phase, int done, int total);
    }

    private final DataSource ds;
    private final Supplier<Matcher> matcher;
    private final ResidentImportRepository jobs;

    public ResidentImporter(DataSource ds, Supplier<Matcher> matcher) {
        this.ds = ds;
        this.matcher = matcher;
        this.jobs = new ResidentImportRepository(ds);
    }

    public ResidentImportRepository jobs() {
        return jobs;
    }

    /**
     * Reads and checks the file and registers the import.
     *
     * @param force import even when the same file was imported before into overlapping grids
     * @throws ResidentFile.Refused when the file cannot be imported as it is
     * @throws AlreadyImported      when it was imported before and {@code force} is false
     */
    public Prepared prepare(byte[] bytes, String file, Uploader who, boolean force) {
        return prepare(bytes, ResidentFile.read(bytes), file, who, force);
    }

    /** As {@link #prepare(byte[], String, Uploader, boolean)} for a file already read and checked: {@code parsed} is {@code bytes} read. */
    public Prepared prepare(byte[] bytes, ResidentFile.Parsed parsed, String file, Uploader who, boolean force) {
        String sha = sha256(bytes);
        if (!force) {
            jobs.sameFile(sha, who.scope()).ifPresent(e -> {
                throw new AlreadyImported(e);
            });
        }
        long id = jobs.create(new ResidentImportRepository.NewJob(who.userId(), who.actor().username(), file, sha, bytes.length,
                parsed.encoding(), who.scope(), parsed.rows().size()));
        return new Prepared(id, file, bytes.length, parsed, who);
    }

    /** Geocodes, places and writes an import; returns its summary. On failure the job is marked failed and nothing is written. */
    public Map<String, Object> run(Prepared p, Listener listener) {
        var progress = new Progress(p, listener);
        try {
            progress.report("geocoding", 0, true);
            ResidentPlacement.Result placed = ResidentPlacement.place(p.parsed().rows(), matcher.get(), p.uploader().scope(),
                    done -> progress.report("geocoding", done, false));
            progress.report("writing", p.rows(), true);
            Map<String, Object> summary = placed.summary(p.rows());
            Sql.transaction(ds, c -> write(c, p, placed, summary));
            listener.progress("finished", p.rows(), p.rows());
            return summary;
        } catch (RuntimeException e) {
            String why = firstLine(e.getMessage());
            try {
                // one transaction: a client that sees the job failed finds its audit record too
                Sql.transaction(ds, c -> {
                    jobs.fail(c, p.id(), why + "; nothing of the file was written");
                    AuditLog.record(c, p.uploader().actor(), "resident_import_failed", "resident_import", p.id(),
                            Map.of("file", p.file(), "error", why));
                    return null;
                });
            } catch (RuntimeException ignored) {
                // the database itself is failing: the job reads as failed once it stalls
            }
            throw e;
        }
    }

    /** Writes the kept rows with one COPY, the audit entry and the job's summary, in the caller's transaction. */
    private static Void write(Connection c, Prepared p, ResidentPlacement.Result placed, Map<String, Object> summary) throws SQLException {
        long start = System.nanoTime();
        ResidentImportRepository.copy(c, p.id(), p.uploader().actor().username(), placed.kept());
        summary.put("writing_seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        AuditLog.record(c, p.uploader().actor(), "resident_import", "resident_import", p.id(), auditDetail(p, summary));
        ResidentImportRepository.finish(c, p.id(), json(summary));
        return null;
    }

    /** What a rehearsal measured: rows read, kept and left to review; seconds to check, to geocode and place, to write. */
    public record Rehearsal(int rows, int imported, int toReview, double checkSeconds, double geocodeSeconds, double writeSeconds) {
        public double totalSeconds() {
            return checkSeconds + geocodeSeconds + writeSeconds;
        }
    }

    /**
     * The whole import of {@code bytes} as {@link #prepare} and {@link #run} do it — the checks, geocoding and
     * placing on every core, the job row, the COPY, the audit entry — timed, in one transaction that is then rolled
     * back: what {@code bench geocode} measures without adding anyone to the register.
     */
    public Rehearsal rehearse(byte[] bytes, String file, Uploader who) {
        long t0 = System.nanoTime();
        ResidentFile.Parsed parsed = ResidentFile.read(bytes);
        long t1 = System.nanoTime();
        ResidentPlacement.Result placed = ResidentPlacement.place(parsed.rows(), matcher.get(), who.scope(), done -> {
        });
        Map<String, Object> summary = placed.summary(parsed.rows().size());
        long t2 = System.nanoTime();
        var job = new ResidentImportRepository.NewJob(who.userId(), who.actor().username(), file, sha256(bytes), bytes.length,
                parsed.encoding(), who.scope(), parsed.rows().size());
        Sql.rolledBack(ds, c -> write(c, new Prepared(ResidentImportRepository.create(c, job), file, bytes.length, parsed, who), placed,
                summary));
        long t3 = System.nanoTime();
        return new Rehearsal(parsed.rows().size(), placed.kept().size(), (Integer) summary.get("to_review"), (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    }

    /** The summary for people: rows kept, per level, to review and skipped, with the first lines of each. */
    public static String describe(String file, Map<String, Object> summary) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "imported %,d of %,d rows of %s (geocoding %.1f s, writing %.1f s)%n",
                summary.get("imported"), summary.get("rows"), file, summary.get("geocoding_seconds"), summary.get("writing_seconds")));
        ((Map<?, ?>) summary.get("by_level")).forEach((level, n) -> {
            if (((Integer) n) > 0) {
                out.append(String.format(Locale.ROOT, "  %-19s %,8d%n", level, n)); // the width of "outside your grids" below
            }
        });
        for (String kind : List.of("unmatched", "uncertain", "outside_your_grids")) {
            Map<?, ?> k = (Map<?, ?>) summary.get(kind);
            out.append(String.format(Locale.ROOT, "  %-19s %,8d%s%n", kind.replace('_', ' '), k.get("count"), lines((List<?>) k.get("lines"),
                    (Integer) k.get("count"))));
        }
        out.append(String.format(Locale.ROOT, "  %,d rows wait in the review queue (GET /api/review/residents)%n", summary.get("to_review")));
        return out.toString();
    }

    private static String lines(List<?> lines, int count) {
        if (count == 0) {
            return "";
        }
        int shown = Math.min(lines.size(), 20);
        var text = new StringBuilder(count == 1 ? ": line " : ": lines ");
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append(lines.get(i));
        }
        return count > shown ? text + ", … (" + (count - shown) + " more)" : text.toString();
    }

    private static Map<String, Object> auditDetail(Prepared p, Map<String, Object> summary) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("file", p.file());
        detail.put("bytes", p.bytes());
        detail.put("encoding", p.parsed().encoding());
        detail.put("rows", p.rows());
        detail.put("imported", summary.get("imported"));
        detail.put("to_review", summary.get("to_review"));
        detail.put("outside_your_grids", ((Map<?, ?>) summary.get("outside_your_grids")).get("count"));
        return detail;
    }

    /** The first line of a message: a database error's details may quote a row, which is personal data. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "the import failed";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Progress to the listener at once and to the job row at most twice a second, from any thread. */
    private final class Progress {
        private final Prepared p;
        private final Listener listener;
        private long lastWrite;

        Progress(Prepared p, Listener listener) {
            this.p = p;
            this.listener = listener;
        }

        void report(String phase, int done, boolean always) {
            listener.progress(phase, done, p.rows());
            synchronized (this) {
                long now = System.nanoTime();
                if (!always && now - lastWrite < PROGRESS_NANOS) {
                    return;
                }
                lastWrite = now;
            }
            jobs.progress(p.id(), phase, done);
        }
    }
}
