package org.partymap.io;

import java.io.PrintStream;

/**
 * "geocoding [#######-------------] 35% 35000/100000" on one line of a terminal stream (stderr),
 * redrawn at most five times a second; safe to update from many threads.
 */
public final class ProgressBar {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private final int total;
    private long lastDraw;
    private boolean drawn;

    public ProgressBar(PrintStream err, String label, int total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    public synchronized void update(int done) {
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        drawn = true;
        int filled = total == 0 ? WIDTH : (int) ((long) Math.min(done, total) * WIDTH / total);
        err.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + (total == 0 ? 100 : done * 100L / total) + "% " + done + "/" + total);
        err.flush();
    }

    /** Draws the bar full and ends its line. */
    public synchronized void finish() {
        drawn = false;
        update(total);
        err.println();
    }
}
