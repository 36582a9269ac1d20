package org.partymap.resident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.partymap.geocode.BatchGeocoder;
import org.partymap.geocode.Candidate;
import org.partymap.geocode.GridRef;
import org.partymap.geocode.MatchLevel;
import org.partymap.geocode.Matcher;

/**
 * Places the rows of a register: geocodes every address against one gazetteer snapshot (on every
 * core), takes the grid the point lies in (the gazetteer's point-in-polygon), and decides what
 * becomes of each row:
 * <ul>
 *   <li>placed with confidence ({@link Candidate#CONFIDENT}) in a grid the uploader may import
 *       into: kept, review status {@code ok};</li>
 *   <li>placed with confidence in a grid the uploader may not import into (a grid worker's file
 *       holding other grids' residents): <em>skipped</em>, and reported with its line and that
 *       grid — it is another grid worker's to import;</li>
 *   <li>not placed with confidence, or not at all, or outside every grid: kept in the review
 *       queue ({@code review}) with the best guess, and in the guess's grid only when the uploader
 *       may import into it (otherwise in none, and in the queue of whoever imported it).</li>
 * </ul>
 * Pure: nothing is written here.
 */
public final class ResidentPlacement {

    /** The most line numbers a summary lists per kind; the counts are always whole. */
    static final int MAX_LINES = 1000;

    /** Which grids an upload may write into: all of them (admins, the command line) or these. */
    public record Scope(boolean allGrids, java.util.Set<Integer> grids) {
        boolean covers(GridRef grid) {
            return grid != null && (allGrids || grids.contains(grid.id()));
        }
    }

    /** One row and what became of it; {@code grid} null when the row has none. */
    public record Placed(ResidentFile.Row row, Candidate best, Integer addressId, GridRef grid, boolean review) {
    }

    /** A row left out: its line and the grid it was placed in. */
    record Skipped(int line, GridRef grid) {
    }

    /** The rows to write, the rows skipped, and how long geocoding took. */
    public record Result(List<Placed> kept, List<Skipped> skipped, double seconds) {

        /** What the import reports: counts per level, the lines to review, the lines skipped and why. */
        public Map<String, Object> summary(int rows) {
            var byLevel = new LinkedHashMap<String, Integer>();
            for (MatchLevel l : MatchLevel.values()) {
                byLevel.put(l.code(), 0);
            }
            byLevel.put("none", 0);
            var unmatched = new ArrayList<Integer>();
            var uncertain = new ArrayList<Integer>();
            int review = 0;
            for (Placed p : kept) {
                byLevel.merge(p.best() == null ? "none" : p.best().level().code(), 1, Integer::sum);
                review += p.review() ? 1 : 0;
                if (p.best() == null) {
                    unmatched.add(p.row().line());
                } else if (p.review()) {
                    uncertain.add(p.row().line());
                }
            }
            var out = new LinkedHashMap<String, Object>();
            out.put("rows", rows);
            out.put("imported", kept.size());
            out.put("confident", kept.size() - review);
            out.put("to_review", review);
            out.put("by_level", byLevel);
            out.put("unmatched", lines(unmatched, "no place in the district matches the address; pin it by hand"));
            out.put("uncertain", lines(uncertain, "placed below a score of " + Candidate.CONFIDENT + ", or outside every grid; check it"));
            var grids = new TreeMap<String, Integer>();
            skipped.forEach(s -> grids.merge(s.grid().code(), 1, Integer::sum));
            Map<String, Object> outside = lines(skipped.stream().map(Skipped::line).toList(),
                    "placed with confidence in a grid you do not serve: not imported (it is that grid's worker's to import)");
            outside.put("grids", grids);
            out.put("outside_your_grids", outside);
            out.put("geocoding_seconds", Math.round(seconds * 100) / 100.0);
            return out;
        }

        private static Map<String, Object> lines(List<Integer> lines, String why) {
            var out = new LinkedHashMap<String, Object>();
            out.put("count", lines.size());
            out.put("lines", lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines);
            out.put("why", why);
            return out;
        }
    }

    private ResidentPlacement() {
    }

    /** Geocodes and sorts the rows; {@code progress} hears how many rows are geocoded, from any thread. */
    public static Result place(List<ResidentFile.Row> rows, Matcher matcher, Scope scope, IntConsumer progress) {
        long start = System.nanoTime();
        var items = new ArrayList<BatchGeocoder.Item>(rows.size());
        rows.forEach(r -> items.add(new BatchGeocoder.Item(r.line(), r.address())));
        List<Candidate> best = new BatchGeocoder(matcher).geocode(items, progress).best();
        var kept = new ArrayList<Placed>(rows.size());
        var skipped = new ArrayList<Skipped>();
        for (int i = 0; i < rows.size(); i++) {
            Candidate c = best.get(i);
            GridRef grid = c == null ? null : c.grid();
            boolean confident = c != null && c.confident() && grid != null;
            if (confident && !scope.covers(grid)) {
                skipped.add(new Skipped(rows.get(i).line(), grid));
                continue;
            }
            Integer addressId = c != null && c.level() == MatchLevel.ADDRESS ? matcher.gazetteer().addressIdOf(c.address()) : null;
            kept.add(new Placed(rows.get(i), c, addressId, scope.covers(grid) ? grid : null, !confident));
        }
        return new Result(kept, skipped, (System.nanoTime() - start) / 1e9);
    }
}
