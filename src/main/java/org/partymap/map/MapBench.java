package org.partymap.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.App;
import org.partymap.Config;
import org.partymap.StartupException;
import org.partymap.bench.HeadlessChromium;
import org.partymap.bench.HttpProbe;
import org.partymap.bench.LoadResult;
import org.partymap.bench.LoadRunner;
import org.partymap.bench.PageLoad;
import org.partymap.bench.PgRoutingBaseline;
import org.partymap.bench.SyntheticDistrict;
import org.partymap.bench.ThrowawayDatabase;
import org.partymap.db.Database;
import org.partymap.db.LocalPostgis;
import org.partymap.db.Sql;
import org.partymap.grid.GridRepository;
import org.partymap.route.Snap;
import org.partymap.route.StreetGraph;
import org.partymap.route.StreetNetwork;
import org.partymap.route.Walk;
import org.partymap.route.WalkSearch;
import org.partymap.station.NearestQuery;
import org.partymap.station.NearestRepository;

/**
 * {@code ./partymap bench map}: the resident map's endpoints under 16 and 32 concurrent clients
 * beside the same SQL run straight through JDBC (the ratio cancels the machine's noise), the
 * walking answer beside the same shortest paths from pgRouting, and a first page load in a
 * headless browser. Runs on the configured database, or with {@code --synthetic} on a throwaway
 * synthetic district of the demo's size.
 */
public final class MapBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = "bench map [--synthetic] [--seconds N] [--warmup N] [--clients 16,32] [--no-browser]";
    private static final String COUNTS = """
            SELECT json_build_object('grids', (SELECT count(*) FROM grid), 'streets', (SELECT count(*) FROM street),
                     'stations', (SELECT count(*) FROM station), 'buildings', (SELECT count(*) FROM building),
                     'addresses', (SELECT count(*) FROM address))::text""";
    private static final String POINTS = """
            SELECT ST_X(d.geom), ST_Y(d.geom)
              FROM ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM grid), ?, 20260611)) d""";
    /** pgRouting is given the edges within this margin of a problem's points, as one would in practice. */
    private static final double PGR_BOX_METRES = 1_000;
    private static final int PROBLEMS = 200;

    private record Options(boolean synthetic, Duration warmup, Duration measure, List<Integer> clients, boolean browser) {
    }

    private MapBench() {
    }

    /** Runs the benchmark; a bad option throws IllegalArgumentException (a usage error). */
    public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
        Options o = options(args);
        Config config = Config.forBenchmark();
        try (Database db = Database.open(config, LocalPostgis.Mode.ATTACH)) {
            if (o.synthetic()) {
                out.println("making a synthetic district in a throwaway database ...");
                try (var t = ThrowawayDatabase.create(db, "partymap_bench_synthetic", config.dbPoolSize())) {
                    SyntheticDistrict.load(t.db().dataSource());
                    return new MapBench().measure(config, t.db(), o, out, "a synthetic district (throwaway database)");
                }
            }
            return new MapBench().measure(config, db, o, out, "the configured database");
        }
    }

    private static Options options(List<String> args) {
        boolean synthetic = false;
        boolean browser = true;
        int seconds = 5;
        int warmup = 3;
        List<Integer> clients = List.of(16, 32);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            try {
                switch (a) {
                    case "--synthetic" -> synthetic = true;
                    case "--no-browser" -> browser = false;
                    case "--seconds" -> seconds = Integer.parseInt(args.get(++i));
                    case "--warmup" -> warmup = Integer.parseInt(args.get(++i));
                    case "--clients" -> clients = java.util.Arrays.stream(args.get(++i).split(",")).map(Integer::parseInt).toList();
                    default -> throw new IllegalArgumentException("unknown option " + a + "; usage: " + USAGE);
                }
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                throw new IllegalArgumentException(a + " needs a number; usage: " + USAGE);
            }
        }
        if (seconds < 1 || warmup < 0 || clients.stream().anyMatch(c -> c < 1 || c > 512)) {
            throw new IllegalArgumentException("seconds must be ≥ 1, warmup ≥ 0 and clients 1..512; usage: " + USAGE);
        }
        return new Options(synthetic, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), clients, browser);
    }

    private int measure(Config config, Database db, Options o, PrintStream out, String where) throws IOException, InterruptedException {
        DataSource ds = db.dataSource();
        JsonNode counts = JSON.readTree(Sql.text(ds, COUNTS).orElseThrow());
        if (counts.get("grids").asInt() == 0 || counts.get("streets").asInt() == 0 || counts.get("stations").asInt() == 0) {
            throw new StartupException("there is no district to measure in " + where + " (" + counts
                    + "): run ./partymap demo first, or ./partymap bench map --synthetic");
        }
        List<double[]> points = Sql.list(ds, POINTS, rs -> new double[] {rs.getDouble(1), rs.getDouble(2)}, 1_000);
        StreetGraph graph = StreetNetwork.load(ds, 0);
        Javalin app = App.create(config, db).start();
        try (PgRoutingBaseline pgr = PgRoutingBaseline.create(ds, graph)) {
            int port = app.port();
            out.printf(Locale.ROOT, "partymap bench map — on %s%n", where);
            out.printf(Locale.ROOT, "data: %s; walking graph %,d nodes, %,d edges%n", counts, graph.nodeCount(), graph.edgeCount());
            out.printf(Locale.ROOT, "machine: %d cores; %d HTTP threads, %d database connections; %d s measured after %d s warm-up per line%n%n",
                    Runtime.getRuntime().availableProcessors(), config.httpThreads(), config.dbPoolSize(), o.measure().toSeconds(),
                    o.warmup().toSeconds());
            var runner = new LoadRunner(o.warmup(), o.measure());
            var grids = new GridRepository(ds);
            var nearest = new NearestRepository(ds);
            // fill the pool, warm every connection's backend (PostGIS loaded, statements prepared) and let the
            // JIT compile the hot paths: on a busy 2-core machine that takes some twenty seconds of HTTP load
            int most = o.clients().stream().max(Integer::compare).orElse(16);
            var warm = new LoadRunner(Duration.ZERO, o.warmup().multipliedBy(3));
            for (String kind : List.of("locate?", "nearest?mode=straight&", "nearest?")) {
                warm.run(most, id -> http(port, i -> "/api/" + kind + at(points, i)));
                warm.run(most, id -> i -> grids.locate(points.get(i % points.size())[0], points.get(i % points.size())[1]).isPresent()
                        && nearest.straightJson(straight(points.get(i % points.size()))).length() > 0);
            }
            var results = new ArrayList<String>();
            out.printf(Locale.ROOT, "%-28s %7s   %-44s %-44s %s%n", "endpoint", "clients", "HTTP", "raw JDBC (same SQL)", "HTTP/raw");
            for (int clients : o.clients()) {
                LoadResult h = runner.run(clients, id -> http(port, i -> "/api/locate?" + at(points, i)));
                LoadResult r = runner.run(clients, id -> i -> grids.locate(points.get(i % points.size())[0], points.get(i % points.size())[1]).isPresent());
                results.add(line(out, "/api/locate", clients, h, r));
                h = runner.run(clients, id -> http(port, i -> "/api/nearest?mode=straight&limit=5&" + at(points, i)));
                r = runner.run(clients, id -> i -> nearest.straightJson(straight(points.get(i % points.size()))).length() > 0);
                results.add(line(out, "/api/nearest (straight line)", clients, h, r));
            }
            out.println();
            List<PgRoutingBaseline.Problem> problems = problems(port, graph, points);
            out.printf(Locale.ROOT, "walking: /api/nearest (KNN, walks to 15 candidates, 5 answered with routes) beside pgRouting "
                    + "pgr_withPoints for the same 5 paths with their geometry%n");
            out.print(agreement(ds, pgr, problems));
            for (int clients : o.clients()) {
                LoadResult h = runner.run(clients, id -> http(port, i -> "/api/nearest?limit=5&" + at(points, i)));
                LoadResult boxed = runner.run(clients, id -> i -> solve(ds, pgr, problems.get(i % problems.size()), PGR_BOX_METRES));
                out.printf(Locale.ROOT, "  %2d clients  HTTP walking  %s%n", clients, h.describe());
                out.printf(Locale.ROOT, "              pgRouting     %s   (edges within %.0f m of the points)   HTTP/pgRouting %.1f×%n",
                        boxed.describe(), PGR_BOX_METRES, h.perSecond() / boxed.perSecond());
                results.add(String.format(Locale.ROOT, "walking %d: %.0f req/s (target ≥ 1000), %.1f× pgRouting", clients,
                        h.perSecond(), h.perSecond() / boxed.perSecond()));
            }
            out.println();
            out.printf(Locale.ROOT, "a phone's first view: /api/config, /api/grids, /api/stations and a basemap box near a place, gzip accepted, "
                    + "nothing cached by the phone%n");
            for (int clients : o.clients()) {
                LoadResult views = runner.run(clients, id -> firstView(port, points));
                out.printf(Locale.ROOT, "  %2d clients  %s%n", clients, views.describe());
                results.add(String.format(Locale.ROOT, "first views %d: %.0f/s (target ≥ 1000), p99 %.1f ms", clients, views.perSecond(),
                        views.p99Millis()));
            }
            out.println();
            out.printf(Locale.ROOT, "GIS clients: /ogc/collections (every collection with its extent) and a party_groups page in a box near a place%n");
            LoadResult catalogue = runner.run(4, id -> http(port, i -> "/ogc/collections"));
            LoadResult groups = runner.run(4, id -> http(port, i -> "/ogc/collections/party_groups/items?limit=100&bbox=" + around(points.get(i % points.size()), 0.005)));
            out.printf(Locale.ROOT, "   4 clients  /ogc/collections     %s%n", catalogue.describe());
            out.printf(Locale.ROOT, "   4 clients  party_groups in a box %s%n", groups.describe());
            results.add(String.format(Locale.ROOT, "/ogc/collections p50 %.1f ms (target ≤ 5 ms); party_groups bbox p50 %.1f ms (target ≤ 20 ms)",
                    catalogue.p50Millis(), groups.p50Millis()));
            out.printf(Locale.ROOT, "a mixed public day: each client in turn a phone's first view (with its basemap box), an OGC page of buildings in a box, "
                    + "the OGC catalogue%n");
            for (int clients : o.clients()) {
                System.gc();
                long before = usedHeap();
                var times = new RouteTimes(o.warmup());
                LoadResult mixed = runner.run(clients, id -> mixed(port, points, times));
                System.gc();
                out.printf(Locale.ROOT, "  %2d clients  %s   (rounds of 6 requests; heap after a GC %d MB before, %d MB after)%n", clients,
                        mixed.describe(), before, usedHeap());
                out.print(times.describe());
                results.add(String.format(Locale.ROOT, "mixed %d: %.0f rounds/s (%.0f requests/s), worst route p99 %.1f ms (target ≤ 50 ms)",
                        clients, mixed.perSecond(), mixed.perSecond() * 6, times.worstP99()));
            }
            LoadResult whole = runner.run(o.clients().get(0), id -> i -> solve(ds, pgr, problems.get(i % problems.size()), 0));
            out.printf(Locale.ROOT, "  %2d clients  pgRouting over the whole network  %s%n", o.clients().get(0), whole.describe());
            out.println();
            if (o.browser()) {
                out.print(pageLoads(port));
            }
            out.println();
            results.forEach(s -> out.println("  " + s));
            return 0;
        } finally {
            app.stop();
        }
    }

    private static String at(List<double[]> points, int i) {
        double[] p = points.get(i % points.size());
        return String.format(Locale.ROOT, "lon=%.6f&lat=%.6f", p[0], p[1]);
    }

    private static NearestQuery straight(double[] p) {
        return new NearestQuery(p[0], p[1], Optional.empty(), List.of(), Optional.empty(), 5, false, List.of());
    }

    private static LoadRunner.Client http(int port, java.util.function.IntFunction<String> path) {
        var probe = new HttpProbe("127.0.0.1", port);
        return LoadRunner.Client.of(probe, i -> probe.get(path.apply(i)) == 200);
    }

    /** A box of {@code half} degrees either side of a place, as a bbox parameter. */
    private static String around(double[] p, double half) {
        return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", p[0] - half, p[1] - half, p[0] + half, p[1] + half);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
    }

    /** Latencies per route of the mixed day, from the end of the warm-up on. */
    private static final class RouteTimes {
        private final long from;
        private final java.util.Map<String, long[]> times = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, Integer> counts = new java.util.HashMap<>();

        RouteTimes(Duration warmup) {
            this.from = System.nanoTime() + warmup.toNanos() + 200_000_000L; // as LoadRunner counts its warm-up
        }

        synchronized void add(String route, long t0, long nanos) {
            if (t0 < from) {
                return;
            }
            long[] list = times.computeIfAbsent(route, k -> new long[1024]);
            int n = counts.getOrDefault(route, 0);
            if (n == list.length) {
                list = java.util.Arrays.copyOf(list, n * 2);
                times.put(route, list);
            }
            list[n] = nanos;
            counts.put(route, n + 1);
        }

        synchronized String describe() {
            var sb = new StringBuilder();
            for (String route : times.keySet()) {
                sb.append(String.format(Locale.ROOT, "      %-34s p50 %6.2f ms  p99 %6.2f ms%n", route, percentile(route, 0.50), percentile(route, 0.99)));
            }
            return sb.toString();
        }

        synchronized double worstP99() {
            return times.keySet().stream().mapToDouble(route -> percentile(route, 0.99)).max().orElse(Double.NaN);
        }

        private double percentile(String route, double p) {
            long[] sorted = java.util.Arrays.copyOf(times.get(route), counts.get(route));
            java.util.Arrays.sort(sorted);
            return LoadRunner.percentile(sorted, p);
        }
    }

    /** One round of a public day: a phone's first view, an OGC page in a box and the catalogue, each timed per route and answered 200. */
    private static LoadRunner.Client mixed(int port, List<double[]> points, RouteTimes times) {
        var probe = new HttpProbe("127.0.0.1", port);
        String gzip = "Accept-Encoding: gzip\r\n";
        return LoadRunner.Client.of(probe, i -> {
            double[] p = points.get(i % points.size());
            String[][] round = {
                {"/api/config", "/api/config", gzip}, {"/api/grids", "/api/grids", gzip}, {"/api/stations", "/api/stations", gzip},
                {"/api/basemap (a box, z 16)", basemapBox(p), gzip},
                {"/ogc/.../buildings/items (a box)", "/ogc/collections/buildings/items?limit=100&bbox=" + around(p, 0.003), ""},
                {"/ogc/collections", "/ogc/collections", ""}};
            for (String[] r : round) {
                long t0 = System.nanoTime();
                int status = probe.get(r[1], r[2]);
                times.add(r[0], t0, System.nanoTime() - t0);
                if (status != 200) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The box of a phone's screen at zoom 16 around a place, grown to whole blocks of tiles as web/js/basemap.js asks for it. */
    private static String basemapBox(double[] p) {
        double step = 360.0 / (1 << 16) * BLOCK_TILES;
        double west = Math.floor((p[0] - 0.003) / step) * step;
        double south = Math.floor((p[1] - 0.004) / step) * step;
        double east = Math.ceil((p[0] + 0.003) / step) * step;
        double north = Math.ceil((p[1] + 0.004) / step) * step;
        return String.format(Locale.ROOT, "/api/basemap?bbox=%.6f,%.6f,%.6f,%.6f&z=16", west, south, east, north);
    }

    /** What web/js/basemap.js grows a box to: whole blocks of this many tiles. */
    private static final int BLOCK_TILES = 2;

    /** One phone's first view: its four calls, each answered 200, as a fresh phone (gzip accepted, no ETag yet) makes them. */
    private static LoadRunner.Client firstView(int port, List<double[]> points) {
        var probe = new HttpProbe("127.0.0.1", port);
        String gzip = "Accept-Encoding: gzip\r\n";
        return LoadRunner.Client.of(probe, i -> {
            double[] p = points.get(i % points.size());
            String box = basemapBox(p);
            return probe.get("/api/config", gzip) == 200 && probe.get("/api/grids", gzip) == 200
                    && probe.get("/api/stations", gzip) == 200 && probe.get(box, gzip) == 200;
        });
    }

    private static String line(PrintStream out, String endpoint, int clients, LoadResult http, LoadResult raw) {
        double ratio = http.perSecond() / raw.perSecond();
        out.printf(Locale.ROOT, "%-28s %7d   %-44s %-44s %.2f%n", endpoint, clients, http.describe(), raw.describe(), ratio);
        return String.format(Locale.ROOT, "%s, %d clients: HTTP/raw %.2f (target ≥ 0.6), p99 %.1f ms%s", endpoint, clients, ratio,
                http.p99Millis(), clients == 16 ? " (target ≤ 25 ms)" : "");
    }

    private static boolean solve(DataSource ds, PgRoutingBaseline pgr, PgRoutingBaseline.Problem p, double box) throws java.sql.SQLException {
        try (Connection c = ds.getConnection()) {
            double[] metres = pgr.solve(c, p, box);
            return metres.length == p.targets().size() && !Double.isNaN(metres[0]);
        }
    }

    /** For sample points: the five stations the endpoint answers, snapped, with the network metres of their walks. */
    private static List<PgRoutingBaseline.Problem> problems(int port, StreetGraph graph, List<double[]> points) throws IOException {
        var out = new ArrayList<PgRoutingBaseline.Problem>();
        try (var probe = new HttpProbe("127.0.0.1", port)) {
            for (int i = 0; i < points.size() && out.size() < PROBLEMS; i++) {
                double[] p = points.get(i);
                probe.get("/api/nearest?limit=5&" + at(points, i));
                JsonNode answer = JSON.readTree(probe.lastBody());
                Optional<Snap> origin = graph.snap(p[0], p[1]);
                var targets = new ArrayList<Snap>();
                for (JsonNode s : answer.path("stations")) {
                    if (s.has("walk")) {
                        graph.snapStation(s.get("id").asInt(), s.get("lon").asDouble(), s.get("lat").asDouble()).ifPresent(targets::add);
                    }
                }
                if (origin.isEmpty() || targets.isEmpty()) {
                    continue;
                }
                Walk[] walks = WalkSearch.run(graph, origin.get(), targets.toArray(Snap[]::new), 1e6);
                double[] expected = new double[targets.size()];
                for (int t = 0; t < expected.length; t++) {
                    expected[t] = walks[t].metres() - origin.get().distance() - targets.get(t).distance();
                }
                out.add(new PgRoutingBaseline.Problem(origin.get(), targets, expected));
            }
        }
        return out;
    }

    /** Whether pgRouting finds the same distances as the in-memory search. */
    private static String agreement(DataSource ds, PgRoutingBaseline pgr, List<PgRoutingBaseline.Problem> problems) {
        double worst = 0;
        int paths = 0;
        int missing = 0;
        try (Connection c = ds.getConnection()) {
            for (var p : problems) {
                double[] theirs = pgr.solve(c, p, 0);
                for (int t = 0; t < theirs.length; t++) {
                    paths++;
                    if (Double.isNaN(theirs[t])) {
                        missing++;
                    } else {
                        worst = Math.max(worst, Math.abs(theirs[t] - p.expectedMetres()[t]));
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new Sql.DataAccessException(e);
        }
        return String.format(Locale.ROOT, "  agreement: %d problems, %d paths; largest difference from pgRouting %.3f m; "
                + "paths pgRouting did not find: %d%n", problems.size(), paths, worst, missing);
    }

    private static String pageLoads(int port) throws IOException, InterruptedException {
        if (!HeadlessChromium.available()) {
            return "page load: skipped (no " + HeadlessChromium.BINARY + ")\n";
        }
        var sb = new StringBuilder("first page load in a fresh headless chromium over loopback (mark: grids drawn):\n");
        for (int[] size : new int[][] {{360, 640}, {1280, 800}}) {
            Optional<PageLoad> load = PageLoad.measure("http://127.0.0.1:" + port + "/", size[0], size[1], "partymap:grids-visible");
            sb.append(String.format(Locale.ROOT, "  %4d×%-4d %s%n", size[0], size[1],
                    load.map(PageLoad::describe).orElse("the grids were not drawn within 30 s")));
        }
        sb.append("  targets: ≤ 1.5 MB, grids visible ≤ 2000 ms\n");
        return sb.toString();
    }
}
