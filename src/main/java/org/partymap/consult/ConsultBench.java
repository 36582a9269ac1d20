package org.partymap.consult;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partymap.App;
import org.partymap.Config;
import org.partymap.auth.SessionStore;
import org.partymap.bench.EventStream;
import org.partymap.bench.SyntheticDistrict;
import org.partymap.bench.ThrowawayDatabase;
import org.partymap.db.Database;
import org.partymap.db.LocalPostgis;
import org.partymap.db.Sql;

/**
 * {@code partymap bench consult}: the live inbox under a day's peak. Workers (accounts of their
 * grids, several per grid) hold the inbox's event stream open; residents post questions at a
 * steady rate to those grids; every push is timed from the moment its question was sent to its
 * arrival at each recipient's stream, and what was expected but never came is counted as lost.
 * Meanwhile a few workers load their inbox page over and over. On a synthetic district in a
 * throwaway database, so no real inbox is touched.
 */
public final class ConsultBench {

    private static final String USAGE = "bench consult [--workers N] [--per-grid N] [--rate N] [--seconds N] [--inbox-clients N]";
    private static final Pattern MARK = Pattern.compile("压测#(\\d+)");
    /** Not a password anyone can type: the bench's accounts log in by session, made directly. */
    private static final String NO_PASSWORD = "$argon2id$v=19$m=65536,t=3,p=1$YmVuY2g$bm8tbG9naW4tZm9yLWJlbmNoLWFjY291bnRz";
    private static final Duration DRAIN = Duration.ofSeconds(5);

    record Options(int workers, int perGrid, int rate, Duration measure, int inboxClients) {
    }

    /** What one run measured. */
    public record Figures(int streams, long posted, long postFailures, long expected, long delivered,
                          double p50, double p95, double max, double inboxP50, double inboxP95, long inboxLoads) {

        public long lost() {
            return expected - delivered;
        }
    }

    private ConsultBench() {
    }

    public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
        Options o = options(args);
        var env = new HashMap<>(System.getenv());
        env.put("PARTYMAP_PORT", "0");
        env.put("PARTYMAP_RATE_LIMIT", "0");
        env.put("PARTYMAP_CONSULT_POSTS_PER_HOUR", "0");
        // every stream is a request in progress; give Jetty room for them beside the load
        env.putIfAbsent("PARTYMAP_HTTP_THREADS", Integer.toString(Math.max(64, o.workers() / 4)));
        Config config = Config.fromEnv(env);
        try (Database home = Database.open(config, LocalPostgis.Mode.ATTACH);
             var t = ThrowawayDatabase.create(home, "partymap_bench_consult", config.dbPoolSize())) {
            out.println("making a synthetic district in a throwaway database ...");
            SyntheticDistrict.load(t.db().dataSource());
            Figures f = measure(config, t.db(), o, out);
            print(f, o, out);
            return f.lost() == 0 && f.postFailures() == 0 ? 0 : 1;
        }
    }

    static Options options(List<String> args) {
        int workers = 300;
        int perGrid = 3;
        int rate = 20;
        int seconds = 60;
        int inbox = 4;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            try {
                switch (a) {
                    case "--workers" -> workers = Integer.parseInt(args.get(++i));
                    case "--per-grid" -> perGrid = Integer.parseInt(args.get(++i));
                    case "--rate" -> rate = Integer.parseInt(args.get(++i));
                    case "--seconds" -> seconds = Integer.parseInt(args.get(++i));
                    case "--inbox-clients" -> inbox = Integer.parseInt(args.get(++i));
                    default -> throw new IllegalArgumentException("unknown option " + a + "; usage: " + USAGE);
                }
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                throw new IllegalArgumentException(a + " needs a whole number; usage: " + USAGE);
            }
        }
        if (workers < 1 || workers > 5000 || perGrid < 1 || perGrid > workers || rate < 1 || rate > 1000 || seconds < 1 || inbox < 0) {
            throw new IllegalArgumentException("workers 1..5000, per-grid 1..workers, rate 1..1000, seconds ≥ 1, inbox-clients ≥ 0; usage: " + USAGE);
        }
        return new Options(workers, perGrid, rate, Duration.ofSeconds(seconds), inbox);
    }

    /** Sets up the workers, runs the load and gathers the figures. */
    static Figures measure(Config config, Database db, Options o, PrintStream out) throws InterruptedException {
        var ds = db.dataSource();
        int gridCount = (o.workers() + o.perGrid() - 1) / o.perGrid();
        List<Integer> grids = Sql.list(ds, "SELECT id FROM grid ORDER BY id LIMIT ?", rs -> rs.getInt(1), gridCount);
        if (grids.size() < gridCount) {
            throw new IllegalArgumentException("the district has " + grids.size() + " grids; ask for at most " + grids.size() * o.perGrid() + " workers");
        }
        var sessions = new SessionStore(ds, Duration.ofHours(2), Duration.ofHours(2));
        List<String> cookies = new ArrayList<>();
        Map<Integer, Integer> workersOfGrid = new HashMap<>();
        for (int w = 0; w < o.workers(); w++) {
            int grid = grids.get(w / o.perGrid());
            int id = Sql.one(ds, "INSERT INTO app_user (username, display_name, role, password_hash) VALUES (?, ?, 'grid_worker', ?) RETURNING id",
                    rs -> rs.getInt(1), "bench-worker-" + w, "压测网格员" + w, NO_PASSWORD).orElseThrow();
            Sql.update(ds, "INSERT INTO app_user_grid (user_id, grid_id) VALUES (?, ?)", id, grid);
            cookies.add("partymap_session=" + sessions.create(id, "127.0.0.1", "bench consult"));
            workersOfGrid.merge(grid, 1, Integer::sum);
        }
        Javalin app = App.create(config, db).start();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        String base = "http://127.0.0.1:" + app.port();
        Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        Map<Integer, Integer> gridOf = new ConcurrentHashMap<>();
        var latencies = new ConcurrentLinkedQueue<Long>();
        var delivered = new AtomicLong();
        List<EventStream> streams = new ArrayList<>();
        try {
            var ready = new CountDownLatch(o.workers());
            for (String cookie : cookies) {
                streams.add(EventStream.open(http, URI.create(base + "/api/inbox/events"), cookie, e -> {
                    if (e.name().equals("ready")) {
                        ready.countDown();
                    } else if (e.name().equals("question")) {
                        Matcher m = MARK.matcher(e.data());
                        if (m.find() && e.data().contains("\"kind\":\"asked\"")) {
                            Long sent = sentAt.get(Integer.parseInt(m.group(1)));
                            if (sent != null) {
                                latencies.add(e.receivedNanos() - sent);
                                delivered.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (o.workers() - ready.getCount()) + " of " + o.workers() + " streams opened in 60 s");
            }
            out.printf(Locale.ROOT, "%d workers connected to the live inbox (%d grids, %d each); posting %d questions/s for %d s ...%n",
                    o.workers(), gridCount, o.perGrid(), o.rate(), o.measure().toSeconds());

            var posted = new AtomicLong();
            var postFailures = new AtomicLong();
            var inboxTimes = Collections.synchronizedList(new ArrayList<Long>());
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            var loaders = Executors.newFixedThreadPool(Math.max(1, o.inboxClients()));
            for (int c = 0; c < o.inboxClients(); c++) {
                String cookie = cookies.get(c * o.perGrid() % cookies.size());
                loaders.submit(() -> {
                    var request = HttpRequest.newBuilder(URI.create(base + "/api/inbox?state=waiting")).header("Cookie", cookie).GET().build();
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        try {
                            if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                                inboxTimes.add(System.nanoTime() - t0);
                            }
                        } catch (IOException | InterruptedException e) {
                            return null;
                        }
                        Thread.sleep(200);
                    }
                    return null;
                });
            }
            ScheduledExecutorService poster = Executors.newScheduledThreadPool(2);
            var next = new AtomicInteger();
            long total = o.rate() * o.measure().toSeconds();
            var random = new java.util.Random(20261203);
            int[] targets = new int[(int) total];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = grids.get(random.nextInt(grids.size()));
            }
            var done = new CountDownLatch((int) total);
            long periodNanos = 1_000_000_000L / o.rate();
            poster.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                if (n >= total) {
                    return;
                }
                int grid = targets[n];
                gridOf.put(n, grid);
                String body = "{\"grid\": " + grid + ", \"topic\": \"其他\", \"text\": \"压测#" + n + " 小区门口的路灯坏了，请派人看看\"}";
                var request = HttpRequest.newBuilder(URI.create(base + "/api/questions"))
                        .header("Content-Type", "application/json").header("Origin", base)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                sentAt.put(n, System.nanoTime());
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (e != null || r.statusCode() != 201) {
                        postFailures.incrementAndGet();
                    } else {
                        posted.incrementAndGet();
                    }
                    done.countDown();
                });
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            done.await(o.measure().toSeconds() + 60, TimeUnit.SECONDS);
            poster.shutdownNow();
            Thread.sleep(DRAIN.toMillis());
            stop.set(true);
            loaders.shutdown();
            loaders.awaitTermination(5, TimeUnit.SECONDS);

            long expected = gridOf.values().stream().mapToLong(workersOfGrid::get).sum();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] inbox = inboxTimes.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Figures(o.workers(), posted.get(), postFailures.get(), expected, delivered.get(),
                    millis(sorted, 0.50), millis(sorted, 0.95), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    millis(inbox, 0.50), millis(inbox, 0.95), inbox.length);
        } finally {
            streams.forEach(EventStream::close);
            app.stop();
        }
    }

    private static double millis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void print(Figures f, Options o, PrintStream out) {
        out.printf(Locale.ROOT, "questions posted: %d (%d failed)%n", f.posted(), f.postFailures());
        out.printf(Locale.ROOT, "pushes expected: %d  delivered: %d  lost: %d%n", f.expected(), f.delivered(), f.lost());
        out.printf(Locale.ROOT, "delivery, post to each recipient's event: p50 %.1f ms  p95 %.1f ms  max %.1f ms%n", f.p50(), f.p95(), f.max());
        out.printf(Locale.ROOT, "inbox page (GET /api/inbox) under the load: p50 %.1f ms  p95 %.1f ms  (%d loads by %d workers)%n",
                f.inboxP50(), f.inboxP95(), f.inboxLoads(), o.inboxClients());
        if (f.lost() > 0 || f.postFailures() > 0) {
            out.println("FAILED: something was lost or refused");
        }
    }
}
