package org.partymap;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.partymap.card.CardBench;
import org.partymap.consult.ConsultBench;
import org.partymap.geocode.GeocodeBench;
import org.partymap.map.MapBench;
import org.partymap.ogc.OgcBench;
import org.partymap.planner.PlannerBench;

/**
 * {@code partymap bench <what>}: the benchmarks that measure the speeds the issues name. Each
 * lives in its feature package and prints its figures to stdout; add one line to {@link #ALL}.
 */
final class Bench {

    /**
     * One benchmark: its arguments after the name; a bad one throws IllegalArgumentException. A
     * failure to read or write (IOException) and an interruption end the command in one line.
     */
    @FunctionalInterface
    interface Benchmark {
        int run(List<String> args, PrintStream out) throws IOException, InterruptedException;
    }

    private static final Map<String, Benchmark> ALL = new TreeMap<>(Map.of(
            "cards", CardBench::run,
            "consult", ConsultBench::run,
            "geocode", GeocodeBench::run,
            "map", MapBench::run,
            "ogc", OgcBench::run,
            "planner", PlannerBench::run));

    private Bench() {
    }

    static String names() {
        return String.join(", ", ALL.keySet());
    }

    static int run(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            throw new Main.UsageException("bench needs the name of a benchmark: " + names());
        }
        Benchmark benchmark = ALL.get(args.get(0));
        if (benchmark == null) {
            throw new Main.UsageException("unknown benchmark '" + args.get(0) + "'; benchmarks: " + names());
        }
        try {
            return benchmark.run(args.subList(1, args.size()), out);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        } catch (IOException e) {
            throw new StartupException("the benchmark failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted");
        }
    }
}
