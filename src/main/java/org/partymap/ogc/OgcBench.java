package org.partymap.ogc;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.partymap.App;
import org.partymap.Config;
import org.partymap.StartupException;
import org.partymap.db.Database;
import org.partymap.db.LocalPostgis;
import org.partymap.db.Sql;

/**
 * {@code partymap bench ogc}: loads synthetic grids (100,000 by default) into a throwaway PostGIS
 * cluster, serves them, pages through the whole collection over HTTP at the largest page size and
 * at a smaller one, and prints the throughput and this JVM's heap before, during and after. The
 * server and the client share the JVM; the client reads each page as a stream, so the heap it
 * shows is the server's.
 */
public final class OgcBench {

    static final String USAGE = "usage: partymap bench ogc [--features N] [--limit L] [--compare]";
    private static final int GRIDS_PER_COMMUNITY = 800;
    private static final int MAX_FEATURES = 999 * GRIDS_PER_COMMUNITY;
    private static final double MB = 1024.0 * 1024.0;

    private static final String SUBDISTRICT = """
            INSERT INTO subdistrict (code, name, geom)
            VALUES ('320902901', '压测街道', ST_Multi(ST_MakeEnvelope(119.99, 32.99, 120.41, ?, 4326)))""";
    private static final String COMMUNITIES = """
            INSERT INTO community (code, name, subdistrict_id, geom)
            SELECT '320902901' || lpad(k::text, 3, '0'), '压测社区' || k, s.id,
                   ST_Multi(ST_MakeEnvelope(119.9995, 32.9995 + (k - 1) * 0.002, 120.3995, 33.0015 + (k - 1) * 0.002, 4326))
              FROM generate_series(1, ?) AS k, subdistrict s
             WHERE s.code = '320902901'""";
    /** Grid i: a 33-vertex polygon about 90 m across on a lattice of 400 columns; 800 grids per community. */
    private static final String GRIDS = """
            INSERT INTO grid (code, community_id, name, branch_name, leader_name, leader_phone, duties, contacts, geom)
            SELECT c.code || lpad((i %% %1$d + 1)::text, 3, '0'), c.id, '第' || (i %% %1$d + 1) || '网格',
                   c.name || '第' || (i %% %1$d + 1) || '网格党支部', '网格长' || i,
                   '0515-0' || lpad((i %% 10000000)::text, 7, '0'),
                   ARRAY['信息收集上报', '矛盾纠纷调解', '治安巡逻防范', '政策法规宣传', '便民服务代办',
                         '特殊人群关爱', '环境卫生监督', '安全隐患排查', '党建活动组织'],
                   '[{"role": "网格员", "name": "网格员", "phone": "0515-01000001"}]'::jsonb,
                   ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(120.0 + (i %% 400) * 0.001, 33.0 + (i / 400) * 0.001), 4326), 0.0004, 8))
              FROM generate_series(0, ? - 1) AS i
              JOIN community c ON c.code = '320902901' || lpad((i / %1$d + 1)::text, 3, '0')""".formatted(GRIDS_PER_COMMUNITY);

    private OgcBench() {
    }

    /** Runs the benchmark; a bad option throws IllegalArgumentException (a usage error). */
    public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
        int features = 100_000;
        List<Integer> limits = new ArrayList<>(List.of(FeatureQuery.MAX_LIMIT, 1_000));
        boolean compare = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--features" -> features = option(args, ++i, 1, MAX_FEATURES);
                case "--limit" -> limits = List.of(option(args, ++i, 1, FeatureQuery.MAX_LIMIT));
                case "--compare" -> compare = true;
                default -> throw new IllegalArgumentException("unknown option " + args.get(i) + "\n" + USAGE);
            }
        }
        Path home = throwawayHome();
        try (Database db = open(home)) {
            load(db, features, out);
            Config config = Config.fromEnv(Map.of("PARTYMAP_HOME", home.toString(), "PARTYMAP_PORT", "0",
                    "PARTYMAP_RATE_LIMIT", "0"));
            Javalin app = App.create(config, db).start();
            try {
                measure(app.port(), features, limits, compare, out);
            } finally {
                app.stop();
            }
            return 0;
        } finally {
            deleteTree(home);
        }
    }

    private static void measure(int port, int features, List<Integer> limits, boolean compare, PrintStream out)
            throws IOException, InterruptedException {
        var client = new OgcBenchClient();
        String items = "http://127.0.0.1:" + port + "/ogc/collections/grids/items";
        client.readAll(URI.create(items + "?limit=1000&offset=" + Math.max(0, features - 2_000)));
        out.printf(Locale.ROOT, "  server heap: -Xmx %.0f MB%n", HeapSampler.max() / MB);
        for (int limit : limits) {
            long before = HeapSampler.settledUsed();
            OgcBenchClient.Pass pass;
            long peakUsed;
            long peakLive;
            try (var heap = new HeapSampler()) {
                pass = client.readAll(URI.create(items + "?limit=" + limit));
                peakUsed = heap.peakUsed();
                peakLive = heap.peakLive();
            }
            long after = HeapSampler.settledUsed();
            if (pass.features() != features) {
                throw new IOException("read " + pass.features() + " features, expected " + features);
            }
            out.printf(Locale.ROOT, "  limit %5d: %4d pages, %d features, %.1f MB in %.1f s = %.0f features/s, %.1f MB/s%n",
                    limit, pass.pages(), pass.features(), pass.bytes() / MB, pass.seconds(),
                    pass.features() / pass.seconds(), pass.bytes() / MB / pass.seconds());
            out.printf(Locale.ROOT, "               heap before %.0f MB; during: at most %.0f MB in use (garbage included), "
                    + "at most %.0f MB live after a GC; after %.0f MB%n", before / MB, peakUsed / MB, peakLive / MB, after / MB);
        }
        if (compare) {
            compareWholeLayer(port, out);
        }
    }

    /** For contrast: /api/grids writes the whole layer as one document. */
    private static void compareWholeLayer(int port, PrintStream out) throws IOException, InterruptedException {
        long before = HeapSampler.settledUsed();
        long started = System.nanoTime();
        long bytes;
        long peakUsed;
        long peakLive;
        try (var heap = new HeapSampler()) {
            var http = HttpClient.newHttpClient();
            var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/grids")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (var body = r.body()) {
                bytes = body.transferTo(OutputStream.nullOutputStream());
            }
            peakUsed = heap.peakUsed();
            peakLive = heap.peakLive();
        }
        out.printf(Locale.ROOT, "  for contrast, /api/grids (one document): %.1f MB in %.1f s; heap before %.0f MB, "
                        + "during at most %.0f MB in use, %.0f MB live after a GC%n",
                bytes / MB, (System.nanoTime() - started) / 1e9, before / MB, peakUsed / MB, peakLive / MB);
    }

    private static void load(Database db, int features, PrintStream out) {
        long started = System.nanoTime();
        int communities = (features + GRIDS_PER_COMMUNITY - 1) / GRIDS_PER_COMMUNITY;
        var ds = db.dataSource();
        Sql.update(ds, SUBDISTRICT, 33.0 + (features / 400 + 1) * 0.001 + 0.01);
        Sql.update(ds, COMMUNITIES, communities);
        Sql.update(ds, GRIDS, features);
        Sql.update(ds, "VACUUM ANALYZE"); // what autovacuum does after a bulk load: counts read the index, not the table
        String size = Sql.text(ds, "SELECT pg_size_pretty(pg_total_relation_size('grid'))").orElse("?");
        out.printf(Locale.ROOT, "partymap bench ogc: %d synthetic grids (33-vertex polygons, 9 duties each) in a throwaway PostGIS cluster%n", features);
        out.printf(Locale.ROOT, "  loaded in %.1f s; the grid table holds %s%n", (System.nanoTime() - started) / 1e9, size);
    }

    private static Database open(Path home) {
        LocalPostgis cluster = LocalPostgis.start(home, Config.fromEnv().pgBin(), LocalPostgis.Mode.OWN, true);
        try {
            return Database.connect(cluster.jdbcUrl("partymap"), cluster.user(), cluster.password(), 8, Optional.of(cluster));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** A temporary home the postgres system user can enter (the cluster runs as that user under root). */
    private static Path throwawayHome() {
        try {
            Path dir = Files.createTempDirectory("partymap-bench");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new StartupException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }

    private static int option(List<String> args, int i, int min, int max) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(args.get(i - 1) + " needs a number\n" + USAGE);
        }
        try {
            int value = Integer.parseInt(args.get(i));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(args.get(i - 1) + " must be a whole number from " + min + " to " + max + ", not " + args.get(i));
    }
}
