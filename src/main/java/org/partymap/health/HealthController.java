package org.partymap.health;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.partymap.db.Sql;
import org.partymap.http.ApiException;
import org.partymap.http.KeptAnswers;
import org.partymap.http.Responses;

/**
 * {@code GET /api/health} (public): {@code {"status":"ok"}}, or 503 with a fixed reason, from a
 * probe of the database at most {@value #MAX_AGE_MS} ms old and waited for at most
 * {@value #WAIT_MS} ms, so a load balancer may call it in a loop and learns nothing else.
 * {@code GET /api/admin/status} (admins): what an operator needs, versions of the software, rows
 * per layer, layer versions, the connection pool, the resident imports running and the kept answers.
 */
public final class HealthController implements AutoCloseable {

    static final long MAX_AGE_MS = 1_000;
    static final long WAIT_MS = 2_000;

    private static final String STATUS = """
            SELECT json_build_object(
                     'database', json_build_object(
                         'server', current_setting('server_version'),
                         'postgis', (SELECT extversion FROM pg_extension WHERE extname = 'postgis'),
                         'pgrouting', (SELECT extversion FROM pg_extension WHERE extname = 'pgrouting'),
                         'pg_trgm', (SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm'),
                         'schema_version', (SELECT version FROM flyway_schema_history
                                             WHERE success ORDER BY installed_rank DESC LIMIT 1)),
                     'layers', json_build_object(
                         'subdistricts', (SELECT count(*) FROM subdistrict),
                         'communities', (SELECT count(*) FROM community),
                         'grids', (SELECT count(*) FROM grid),
                         'party_groups', (SELECT count(*) FROM party_group),
                         'streets', (SELECT count(*) FROM street),
                         'estates', (SELECT count(*) FROM estate),
                         'buildings', (SELECT count(*) FROM building),
                         'addresses', (SELECT count(*) FROM address),
                         'stations', (SELECT count(*) FROM station),
                         'residents', (SELECT count(*) FROM resident)),
                     'layer_versions', (SELECT json_object_agg(layer, version ORDER BY layer) FROM layer_version),
                     'imports_running', (SELECT count(*) FROM resident_import WHERE status = 'running'))::text""";

    private final DataSource ds;
    private final KeptAnswers kept;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "partymap-health-probe");
        t.setDaemon(true);
        return t;
    });
    private volatile Probe last;

    /** A probe of the database and when it began. */
    private record Probe(long startedNanos, CompletableFuture<Boolean> reachable) {
    }

    public HealthController(DataSource ds, KeptAnswers kept) {
        this.ds = ds;
        this.kept = kept;
    }

    public void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!reachable()) {
            throw new ApiException(503, "database-unavailable", "Service unavailable", "the database does not answer");
        }
        Responses.json(ctx, "{\"status\":\"ok\"}");
    }

    /** Whether the last probe (at most a second old; a new one begins when it is older and done) reached the database. */
    boolean reachable() {
        Probe p = last;
        long now = System.nanoTime();
        if (p == null || p.reachable().isDone() && now - p.startedNanos() > TimeUnit.MILLISECONDS.toNanos(MAX_AGE_MS)) {
            synchronized (this) {
                p = last;
                if (p == null || p.reachable().isDone() && now - p.startedNanos() > TimeUnit.MILLISECONDS.toNanos(MAX_AGE_MS)) {
                    p = new Probe(now, CompletableFuture.supplyAsync(this::probe, probes));
                    last = p;
                }
            }
        }
        try {
            return p.reachable().get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean probe() {
        try {
            return Sql.one(ds, "SELECT 1", rs -> rs.getInt(1) == 1).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public void status(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String database;
        try {
            database = Sql.text(ds, STATUS).orElseThrow();
        } catch (Sql.DataAccessException e) {
            throw new ApiException(503, "database-unavailable", "Service unavailable", "the database does not answer: " + e.getMessage());
        }
        var app = new LinkedHashMap<String, Object>();
        app.put("kept_answers", kept.size());
        app.put("kept_answers_mb", kept.bytes() / (1024 * 1024));
        app.put("java", Runtime.version().toString());
        var heap = Runtime.getRuntime();
        app.put("heap_used_mb", (heap.totalMemory() - heap.freeMemory()) / (1024 * 1024));
        app.put("heap_max_mb", heap.maxMemory() / (1024 * 1024));
        if (ds instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            var pool = hikari.getHikariPoolMXBean();
            app.put("pool", new LinkedHashMap<>(java.util.Map.of("active", pool.getActiveConnections(), "idle", pool.getIdleConnections(),
                    "total", pool.getTotalConnections(), "waiting", pool.getThreadsAwaitingConnection())));
        }
        Responses.json(ctx, "{\"server\":" + Responses.toJson(app) + "," + database.substring(1));
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
