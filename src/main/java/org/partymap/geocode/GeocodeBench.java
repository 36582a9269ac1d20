package org.partymap.geocode;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.partymap.App;
import org.partymap.Config;
import org.partymap.StartupException;
import org.partymap.bench.HttpProbe;
import org.partymap.bench.LoadResult;
import org.partymap.bench.LoadRunner;
import org.partymap.db.Database;
import org.partymap.db.LocalPostgis;
import org.partymap.io.InputFiles;
import org.partymap.resident.ResidentImporter;

/**
 * {@code ./partymap bench geocode}: on the district being served (the demo), in one run — the
 * accuracy on the committed evaluation sets and on the demo register's truth file, beside the
 * pg_trgm baseline ({@link TrigramBaseline}) on the same cases; the demo's 100,000 residents
 * checked, geocoded, placed and written by the real importer (in a transaction rolled back at the
 * end); and {@code /api/geocode} under 16 concurrent clients beside the baseline query under as
 * many JDBC clients, over the same strings. {@code --generate FILE} writes a fresh generated
 * evaluation set from the gazetteer instead.
 */
public final class GeocodeBench {

    static final List<Path> SETS = List.of(Path.of("src/test/resources/geocode/demo-eval.csv"),
            Path.of("src/test/resources/geocode/demo-hard.csv"));
    /** Cases drawn for a generated set, and addresses that do not exist among them. */
    static final int GENERATED = 1_500;
    static final int GENERATED_NONEXISTENT = 100;
    private static final long SEED = 20261125L;
    private static final String USAGE = "bench geocode [--set FILE]... [--seconds N] [--warmup N] [--clients N] [--no-import] "
            + "| bench geocode --generate FILE";

    private record Options(List<Path> sets, Duration warmup, Duration measure, int clients, boolean importing, Path generate) {
    }

    private GeocodeBench() {
    }

    /** Runs the benchmark; a bad option throws IllegalArgumentException (a usage error). */
    public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
        Options o = options(args);
        Config config = Config.forBenchmark();
        try (Database db = Database.open(config, LocalPostgis.Mode.ATTACH)) {
            long start = System.nanoTime();
            Matcher matcher = new Matcher(new GazetteerRepository(db.dataSource()).load());
            double load = (System.nanoTime() - start) / 1e9;
            if (matcher.gazetteer().addressCount() == 0) {
                throw new StartupException("there is no gazetteer to measure in the configured database: run ./partymap demo first");
            }
            if (o.generate() != null) {
                return generate(matcher.gazetteer(), o.generate(), out);
            }
            out.printf(Locale.ROOT, "partymap bench geocode — the configured database: %,d standard addresses (gazetteer loaded in %.1f s); "
                    + "%d cores%n%n", matcher.gazetteer().addressCount(), load, Runtime.getRuntime().availableProcessors());
            try (TrigramBaseline trigram = TrigramBaseline.create(db.dataSource())) {
                List<String> queries = accuracy(matcher, trigram, o.sets(), config.home().resolve("demo/residents_truth.csv"), out);
                if (o.importing()) {
                    importing(db, matcher, config.home().resolve("demo/residents.csv"), out);
                }
                throughput(config, db, trigram, queries, o, out);
            }
            return 0;
        }
    }

    private static Options options(List<String> args) {
        var sets = new ArrayList<Path>();
        int seconds = 5;
        int warmup = 3;
        int clients = 16;
        boolean importing = true;
        Path generate = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            try {
                switch (a) {
                    case "--set" -> sets.add(Path.of(args.get(++i)));
                    case "--generate" -> generate = Path.of(args.get(++i));
                    case "--no-import" -> importing = false;
                    case "--seconds" -> seconds = Integer.parseInt(args.get(++i));
                    case "--warmup" -> warmup = Integer.parseInt(args.get(++i));
                    case "--clients" -> clients = Integer.parseInt(args.get(++i));
                    default -> throw new IllegalArgumentException("unknown option " + a + "; usage: " + USAGE);
                }
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                throw new IllegalArgumentException(a + " needs a value; usage: " + USAGE);
            }
        }
        if (seconds < 1 || warmup < 0 || clients < 1 || clients > 512) {
            throw new IllegalArgumentException("seconds must be ≥ 1, warmup ≥ 0 and clients 1..512; usage: " + USAGE);
        }
        return new Options(sets.isEmpty() ? SETS : sets, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), clients, importing,
                generate);
    }

    /** Writes {@link #GENERATED} cases drawn from the gazetteer's own addresses, written the ways people write them. */
    static int generate(Gazetteer gazetteer, Path file, PrintStream out) throws IOException {
        List<EvaluationCase> all = new EvaluationSetGenerator(gazetteer, SEED).generate(1, GENERATED_NONEXISTENT);
        var existing = new ArrayList<>(all.stream().filter(EvaluationCase::exists).toList());
        java.util.Collections.shuffle(existing, new java.util.Random(SEED));
        var cases = new ArrayList<>(existing.subList(0, Math.min(GENERATED - GENERATED_NONEXISTENT, existing.size())));
        cases.addAll(all.stream().filter(c -> !c.exists()).toList());
        Files.writeString(file, EvaluationCase.toCsv(cases), StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "wrote %,d cases to %s%n", cases.size(), file);
        return 0;
    }

    /** The geocoder and the baseline on every set; returns the queries, for the throughput runs. */
    private static List<String> accuracy(Matcher matcher, TrigramBaseline trigram, List<Path> sets, Path truth, PrintStream out) {
        var queries = new ArrayList<String>();
        var named = new ArrayList<Object[]>();
        for (Path set : sets) {
            named.add(new Object[] {set.toString(), EvaluationCase.fromCsv(utf8(set))});
        }
        if (Files.isRegularFile(truth)) {
            named.add(new Object[] {truth + " (the demo register, every row)", RegisterTruth.cases(utf8(truth))});
        }
        for (Object[] n : named) {
            @SuppressWarnings("unchecked")
            List<EvaluationCase> cases = (List<EvaluationCase>) n[1];
            cases.forEach(c -> queries.add(c.query()));
            var ours = AccuracyHarness.run(matcher, cases);
            out.printf(Locale.ROOT, "accuracy on %s%n%s", n[0], ours.format());
            out.print(ours.misses(2));
            if (cases.size() <= 20_000) {
                var theirs = AccuracyHarness.run(trigram::best, cases);
                out.printf(Locale.ROOT, "  pg_trgm baseline on the same cases: right %s, well-formed right to the building %s, messy right %s, "
                                + "answers with word_similarity ≥ 0.8 that are wrong %s%n", AccuracyHarness.percent(theirs.rightShare()),
                        AccuracyHarness.percent(theirs.wellFormedShare()), AccuracyHarness.percent(theirs.messyShare()),
                        AccuracyHarness.percent(theirs.confidentWrongShare()));
            }
            out.println();
        }
        return queries.subList(0, Math.min(queries.size(), 20_000));
    }

    /** The demo register through the real importer, rolled back at the end. */
    private static void importing(Database db, Matcher matcher, Path register, PrintStream out) {
        if (!Files.isRegularFile(register)) {
            out.printf(Locale.ROOT, "import: %s is missing (./partymap generate-demo writes it); not measured%n%n", register);
            return;
        }
        var importer = new ResidentImporter(db.dataSource(), () -> matcher);
        byte[] bytes = InputFiles.read(register);
        importer.rehearse(bytes, register.getFileName().toString(), ResidentImporter.Uploader.commandLine()); // JIT and caches
        ResidentImporter.Rehearsal r = importer.rehearse(bytes, register.getFileName().toString(), ResidentImporter.Uploader.commandLine());
        out.printf(Locale.ROOT, "import of %s (%,d rows, %,d kept, %,d to review) as an admin's upload, rolled back at the end:%n"
                        + "  %.2f s in all (target ≤ 10 s): check %.2f s, geocode and place %.2f s, COPY and audit %.2f s%n%n",
                register, r.rows(), r.imported(), r.toReview(), r.totalSeconds(), r.checkSeconds(), r.geocodeSeconds(), r.writeSeconds());
    }

    private static void throughput(Config config, Database db, TrigramBaseline trigram, List<String> queries, Options o, PrintStream out)
            throws InterruptedException {
        List<String> paths = queries.stream().map(q -> "/api/geocode?limit=5&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).toList();
        Javalin app = App.create(config, db).start();
        try {
            int port = app.port();
            var warm = new LoadRunner(Duration.ZERO, o.warmup().multipliedBy(3));
            warm.run(o.clients(), id -> http(port, paths));
            warm.run(o.clients(), id -> trigramClient(trigram, queries));
            var runner = new LoadRunner(o.warmup(), o.measure());
            LoadResult ours = runner.run(o.clients(), id -> http(port, paths));
            LoadResult theirs = runner.run(o.clients(), id -> trigramClient(trigram, queries));
            out.printf(Locale.ROOT, "%,d query strings, %d concurrent clients, %d s measured after %d s warm-up; %d HTTP threads, "
                            + "%d database connections%n", queries.size(), o.clients(), o.measure().toSeconds(), o.warmup().toSeconds(),
                    config.httpThreads(), config.dbPoolSize());
            out.printf(Locale.ROOT, "  /api/geocode (HTTP)        %s%n", ours.describe());
            out.printf(Locale.ROOT, "  pg_trgm baseline (JDBC)    %s%n", theirs.describe());
            out.printf(Locale.ROOT, "  /api/geocode: %.0f queries/s (target ≥ 2,000), p99 %.1f ms (target ≤ 25 ms), %.1f× the baseline "
                    + "(target ≥ 2×)%n", ours.perSecond(), ours.p99Millis(), ours.perSecond() / theirs.perSecond());
        } finally {
            app.stop();
        }
    }

    private static String utf8(Path file) {
        return new String(InputFiles.read(file), StandardCharsets.UTF_8);
    }

    /** A JDBC client of the baseline: one query per call; no answer is an answer too. */
    private static LoadRunner.Client trigramClient(TrigramBaseline trigram, List<String> queries) {
        return i -> {
            trigram.best(queries.get(i % queries.size()));
            return true;
        };
    }

    private static LoadRunner.Client http(int port, List<String> paths) {
        var probe = new HttpProbe("127.0.0.1", port);
        return LoadRunner.Client.of(probe, i -> probe.get(paths.get(i % paths.size())) == 200);
    }
}
