package org.partymap.planner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;
import org.partymap.Config;
import org.partymap.StartupException;
import org.partymap.auth.AuditLog;
import org.partymap.auth.Role;
import org.partymap.auth.User;
import org.partymap.bench.ThrowawayDatabase;
import org.partymap.db.Database;
import org.partymap.db.LocalPostgis;
import org.partymap.db.Sql;
import org.partymap.demo.DemoDistrict;
import org.partymap.grid.edit.BaseVersions;
import org.partymap.grid.edit.CommunityState;
import org.partymap.grid.edit.EditAnswer;
import org.partymap.grid.edit.EditRepository;
import org.partymap.grid.edit.GridEdit;
import org.partymap.grid.edit.GridEditService;
import org.partymap.grid.edit.GridState;
import org.partymap.grid.edit.StreetBlocks;
import org.partymap.http.ApiException;
import org.postgresql.PGConnection;

/**
 * {@code ./partymap bench planner}: the demo district generated into a throwaway database with
 * its 100,000 residents (each at the true address of the register's truth file), then — through
 * the same service calls the HTTP handlers make, JSON answer included — the preview of typical
 * edits (a street block moved to the neighbouring grid: resolved, validated, applied and rolled
 * back; one round unmeasured first), their saves (the block moved there and back again, each one
 * transaction with the reassignment, the versions and the audit entry), and a proposal for every community.
 */
public final class PlannerBench {

    private static final String USAGE = "bench planner [--edits N] [--rounds N]";
    private static final String TRUTH = """
            CREATE TEMP TABLE truth (row int, file text, line int, address_id int, standard_address text, room text, lon float8,
                                     lat float8, grid_code text, community text, geocodable boolean, style text,
                                     expected_level text, written text)""";
    private static final String RESIDENTS = """
            INSERT INTO resident (name, address_text, address_id, geom, match_level, grid_id, imported_by)
            SELECT '居民' || t.row, coalesce(nullif(t.written, ''), t.standard_address), a.id, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326),
                   'address', g.id, 'bench'
              FROM truth t JOIN grid g ON g.code = t.grid_code LEFT JOIN address a ON a.id = t.address_id""";
    private static final String COMMUNITIES = "SELECT id FROM community ORDER BY code";
    private static final String TAGS = "SELECT string_agg('\"grid-' || id || '-v' || version || '\"', ', ') FROM grid WHERE community_id = ?";
    private static final double TOUCH_DEGREES = 0.0002;

    /** A block moved from one grid to its neighbour, and the community it is in. */
    private record Move(int community, int from, int to, org.locationtech.jts.geom.Coordinate point) {

        GridEdit there() {
            return new GridEdit.MoveBlocks(from, to, List.of(point));
        }

        GridEdit back() {
            return new GridEdit.MoveBlocks(to, from, List.of(point));
        }
    }

    private PlannerBench() {
    }

    public static int run(List<String> args, PrintStream out) throws IOException {
        int edits = 40;
        int rounds = 5;
        for (int i = 0; i < args.size(); i++) {
            try {
                switch (args.get(i)) {
                    case "--edits" -> edits = Integer.parseInt(args.get(++i));
                    case "--rounds" -> rounds = Integer.parseInt(args.get(++i));
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i) + "; usage: " + USAGE);
                }
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                throw new IllegalArgumentException(args.get(i - 1) + " needs a number; usage: " + USAGE);
            }
        }
        if (edits < 1 || edits > 1000 || rounds < 1 || rounds > 100) {
            throw new IllegalArgumentException("edits is 1..1000 and rounds 1..100; usage: " + USAGE);
        }
        Config config = Config.fromEnv(System.getenv());
        Path home = null;
        try (Database db = Database.open(config, LocalPostgis.Mode.ATTACH);
             var t = ThrowawayDatabase.create(db, "partymap_bench_planner", Math.max(4, config.dbPoolSize()))) {
            home = Files.createTempDirectory("partymap-bench-planner");
            out.println("generating the demo district into a throwaway database ...");
            DemoDistrict.generate(t.db().dataSource(), config.dataDir(), home, false, null);
            long residents = loadResidents(t.db(), home.resolve("demo").resolve("residents_truth.csv"));
            return measure(t.db(), residents, edits, rounds, out);
        } finally {
            if (home != null) {
                deleteTree(home);
            }
        }
    }

    private static long loadResidents(Database db, Path truth) throws IOException {
        return Sql.transaction(db.dataSource(), c -> {
            Sql.update(c, TRUTH);
            try (Reader in = Files.newBufferedReader(truth, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY truth FROM STDIN (FORMAT csv, HEADER true)", in);
            } catch (IOException e) {
                throw new SQLException("cannot read " + truth + ": " + e.getMessage(), e);
            }
            int n = Sql.update(c, RESIDENTS);
            Sql.update(c, "ANALYZE resident");
            return (long) n;
        });
    }

    private static int measure(Database db, long residents, int edits, int rounds, PrintStream out) {
        var ds = db.dataSource();
        var blocks = new StreetBlocks();
        var service = new GridEditService(ds, blocks);
        var proposals = new ProposalService(ds, blocks);
        var admin = new User(0, "bench", "bench", Role.ADMIN, false, Set.of(), Set.of());
        var actor = AuditLog.Actor.commandLine();
        List<Integer> communities = Sql.list(ds, COMMUNITIES, rs -> rs.getInt(1));
        out.printf(Locale.ROOT, "partymap bench planner — the demo district: %s%n", Sql.text(ds, """
                SELECT format('%s communities, %s grids, %s addresses, %s residents, %s party groups, %s stations',
                       (SELECT count(*) FROM community), (SELECT count(*) FROM grid), (SELECT count(*) FROM address),
                       (SELECT count(*) FROM resident), (SELECT count(*) FROM party_group), (SELECT count(*) FROM station))""").orElseThrow());
        if (residents < 1) {
            throw new StartupException("no residents were loaded from the demo's register");
        }
        out.printf(Locale.ROOT, "machine: %d cores%n%n", Runtime.getRuntime().availableProcessors());

        out.println("proposals for every community, then typical edits found, previewed and saved ...");
        double[] proposalMs = new double[communities.size()];
        for (int i = 0; i < communities.size(); i++) {
            int community = communities.get(i);
            proposalMs[i] = time(() -> proposals.propose(community, PlannerController.DEFAULT_CLASSES, Target.DEFAULT, true).toString());
        }
        List<Move> moves = typicalMoves(ds, blocks, service, admin, communities, edits);
        if (moves.isEmpty()) {
            throw new StartupException("found no street block to move between neighbouring grids");
        }
        var preview = new ArrayList<Double>();
        var save = new ArrayList<Double>();
        long moved = 0;
        for (Move m : moves) { // one round unmeasured: a server in use has its code compiled and its caches filled
            EditAnswer.of(service.preview(m.there(), BaseVersions.NONE, admin)).toString();
        }
        for (int round = 0; round < rounds; round++) {
            for (Move m : moves) {
                preview.add(time(() -> EditAnswer.of(service.preview(m.there(), BaseVersions.NONE, admin)).toString()));
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Move m : moves) {
                for (GridEdit e : List.of(m.there(), m.back())) {
                    var base = BaseVersions.parse(Sql.text(ds, TAGS, m.community()).orElseThrow());
                    long[] addresses = new long[1];
                    save.add(time(() -> {
                        var r = service.save(e, base, "基准测试：街区移入相邻网格再移回", admin, actor);
                        addresses[0] = r.impact().addresses().size();
                        return EditAnswer.of(r).toString();
                    }));
                    moved += addresses[0];
                }
            }
        }
        out.printf(Locale.ROOT, "proposal for a community (default classes axis, main, secondary; 300–500 households), %d communities:%n  %s%n",
                communities.size(), figures(proposalMs));
        out.printf(Locale.ROOT, "validate + preview of a typical edit (a street block to the neighbouring grid), %d edits × %d rounds:%n  %s%n",
                moves.size(), rounds, figures(unbox(preview)));
        out.printf(Locale.ROOT, "save with reassignment and history (the block there and back), %d saves, %.1f addresses moved per save:%n  %s%n%n",
                save.size(), moved / (double) save.size(), figures(unbox(save)));
        String verdict = String.format(Locale.ROOT, "preview p95 %.1f ms (target ≤ 50), save p95 %.1f ms (target ≤ 100), proposal max %.0f ms (target ≤ 2000)",
                p(unbox(preview), 95), p(unbox(save), 95), Arrays.stream(proposalMs).max().orElse(0));
        out.println(verdict);
        return 0;
    }

    /**
     * Up to {@code wanted} typical edits, spread over the communities: a street block holding
     * addresses, in one grid, bordering another, whose move the service accepts.
     */
    private static List<Move> typicalMoves(javax.sql.DataSource ds, StreetBlocks blocks, GridEditService service, User admin,
                                           List<Integer> communities, int wanted) {
        var out = new ArrayList<Move>();
        int perCommunity = Math.max(1, (wanted + communities.size() - 1) / communities.size());
        for (int community : communities) {
            int found = 0;
            for (Move m : candidates(ds, blocks, community)) {
                if (found >= perCommunity || out.size() >= wanted) {
                    break;
                }
                try {
                    if (!service.preview(m.there(), BaseVersions.NONE, admin).impact().addresses().isEmpty()) {
                        out.add(m);
                        found++;
                    }
                } catch (ApiException refused) {
                    // not a move the planner could make: blocks that empty a grid, leave a sliver, ...
                }
            }
        }
        return out;
    }

    private static List<Move> candidates(javax.sql.DataSource ds, StreetBlocks cache, int community) {
        try (Connection c = ds.getConnection()) {
            CommunityState state = EditRepository.load(c, community, false).orElseThrow();
            var out = new ArrayList<Move>();
            for (var b : cache.of(state, EditRepository.streets(c, community)).blocks()) {
                var point = b.polygon().getFactory().createPoint(b.interiorPoint());
                GridState from = state.grids().stream().filter(g -> g.geom().covers(point)).findFirst().orElse(null);
                if (from == null) {
                    continue;
                }
                Geometry edge = b.polygon().getBoundary();
                for (GridState to : state.grids()) {
                    if (to.id() != from.id() && to.geom().getEnvelopeInternal().intersects(b.polygon().getEnvelopeInternal())
                            && edge.intersection(to.geom().getBoundary()).getLength() > TOUCH_DEGREES) {
                        out.add(new Move(community, from.id(), to.id(), b.interiorPoint()));
                        break;
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new Sql.DataAccessException(e);
        }
    }

    private static double time(Supplier<String> work) {
        long t0 = System.nanoTime();
        if (work.get().isEmpty()) {
            throw new IllegalStateException("an empty answer");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double p(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static String figures(double[] ms) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms (n = %d)", p(ms, 50), p(ms, 95), p(ms, 100), ms.length);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
