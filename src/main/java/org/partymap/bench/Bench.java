package org.partymap.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partymap.Config;
import org.partymap.map.MapBench;

/**
 * The benchmarks behind {@code ./partymap bench <what>}. Each issue that names a speed adds its
 * benchmark here, one line, as a class in its own package; the benchmark prints its figures.
 */
public final class Bench {

    /** A benchmark: runs against the configured database and prints what it measured. */
    @FunctionalInterface
    public interface Command {
        int run(Config config, List<String> args, PrintStream out);
    }

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("map", MapBench::run);
    }

    private Bench() {
    }

    public static List<String> names() {
        return List.copyOf(COMMANDS.keySet());
    }

    /** Runs {@code args[0]} with the rest; null when there is no such benchmark. */
    public static Command find(String name) {
        return COMMANDS.get(name);
    }
}
