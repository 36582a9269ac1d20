package org.partymap.demo;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The progress display on stderr: one line per phase as it ends, with what it made and how long
 * it took (on a terminal, the phase under way shows until then), and the total at the end.
 *
 * <pre>
 * demo [ 3/12] blocks and buildings    1,382 blocks, 20,610 buildings, 43,871 addresses   2.9 s
 * </pre>
 */
final class Progress {

    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final int phases;
    private final long start = System.nanoTime();
    private int done;

    Progress(PrintStream out, int phases) {
        this.out = out;
        this.phases = phases;
    }

    void phase(String name, Runnable work, Supplier<String> made) {
        long t = System.nanoTime();
        if (out != null && terminal) {
            out.printf(Locale.ROOT, "demo [%2d/%d] %-26s ...\r", done + 1, phases, name);
            out.flush();
        }
        work.run();
        done++;
        if (out != null) {
            // the seconds before the free text: a long path there cannot push them out of their column
            out.printf(Locale.ROOT, "demo [%2d/%d] %-26s %5.1f s  %s%n", done, phases, name, seconds(t), made.get());
        }
    }

    void total(String what) {
        if (out != null) {
            out.printf(Locale.ROOT, "demo: %s in %.1f s%n", what, seconds(start));
        }
    }

    static String count(long n, String what) {
        return String.format(Locale.ROOT, "%,d %s", n, what);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
