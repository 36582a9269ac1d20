package org.partymap.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.partymap.street.StreetClass;

/**
 * Groups the adjacent street blocks of an area into a given number of contiguous grids of
 * balanced weight (households), preferring to cut along higher street classes: an axis before a
 * main street, a main street before a secondary one, a lane last.
 *
 * <p>Dedicated blocks (an office tower, a market: 专属网格) become grids of their own. The rest
 * is divided by recursive bisection — the best of straight sweeps in eight directions and of
 * regions grown from seeds across the costliest streets, each part kept contiguous — and then
 * refined by moving single blocks across grid boundaries while that lowers imbalance plus cut
 * cost. Everything is deterministic: the same input gives the same grids.
 */
public final class GridPartitioner {

    /**
     * @param classCost        the cost of one metre of cut along a street of each class, by
     *                         {@link StreetClass} ordinal (lane, secondary, main, axis)
     * @param boundaryCost     the cost of a metre of cut along an edge that is no street
     * @param balance          how much a relative imbalance weighs against cut cost
     * @param refinementPasses how many passes of single-block moves at most
     */
    public record Options(double[] classCost, double boundaryCost, double balance, int refinementPasses) {

        public static final Options DEFAULTS = new Options(new double[] {1.0, 0.55, 0.25, 0.12}, 2.0, 24, 16);
    }

    /** One grid: its blocks (indices into the input, ascending), weight, kind and polygon. */
    public record Grid(List<Integer> blocks, double weight, boolean dedicated, Geometry polygon) {
    }

    private final Options options;

    public GridPartitioner() {
        this(Options.DEFAULTS);
    }

    public GridPartitioner(Options options) {
        this.options = options;
    }

    /**
     * The number of grids for a total weight, so that each holds between {@code min} and
     * {@code max} as nearly as whole numbers allow (at least one).
     */
    public static int countFor(double total, double min, double max) {
        if (!(min > 0) || max < min) {
            throw new IllegalArgumentException("need 0 < min <= max, not " + min + ", " + max);
        }
        int k = (int) Math.max(1, Math.round(total / ((min + max) / 2)));
        while (k > 1 && total / k < min) {
            k--;
        }
        while (total / k > max && total / (k + 1) >= min) {
            k++;
        }
        return k;
    }

    /**
     * @param blocks    the blocks of one area, from {@link StreetBlockPolygonizer}
     * @param weights   a weight (households) per block, not negative
     * @param dedicated blocks that each form a dedicated grid of their own
     * @param count     how many grids in all, dedicated ones included
     * @throws IllegalArgumentException when the blocks cannot make that many contiguous grids
     */
    public List<Grid> partition(StreetBlockPolygonizer.Blocks blocks, double[] weights, Collection<Integer> dedicated, int count) {
        int n = blocks.size();
        if (weights.length != n) {
            throw new IllegalArgumentException(weights.length + " weights for " + n + " blocks");
        }
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and not negative");
            }
        }
        boolean[] fixed = new boolean[n];
        for (int d : dedicated) {
            if (d < 0 || d >= n) {
                throw new IllegalArgumentException("no block " + d + " among " + n);
            }
            fixed[d] = true;
        }
        int dedicatedCount = 0;
        for (boolean f : fixed) {
            dedicatedCount += f ? 1 : 0;
        }
        int rest = count - dedicatedCount;
        if (count < 1 || rest < 0 || count > n) {
            throw new IllegalArgumentException("cannot make " + count + " grids of " + n + " blocks with "
                    + dedicatedCount + " dedicated");
        }
        BlockGraph graph = new BlockGraph(blocks, effective(weights), options.classCost(), options.boundaryCost());
        boolean[] free = new boolean[n];
        for (int b = 0; b < n; b++) {
            free[b] = !fixed[b];
        }
        List<int[]> parts = graph.components(free);
        if (parts.size() > rest || (rest > 0 && parts.isEmpty())) {
            throw new IllegalArgumentException("the blocks outside the dedicated grids fall into " + parts.size()
                    + " separate parts, more than the " + rest + " grids left for them");
        }
        var groups = new ArrayList<int[]>();
        var targets = new ArrayList<Double>();
        for (int b = 0; b < n; b++) {
            if (fixed[b]) {
                groups.add(new int[] {b});
                targets.add(0.0);
            }
        }
        int[] alloc = apportion(rest, parts, graph);
        var bisection = new Bisection(graph, options);
        for (int i = 0; i < parts.size(); i++) {
            double perGrid = graph.weightOf(parts.get(i)) / alloc[i];
            for (int[] g : bisection.split(parts.get(i), alloc[i])) {
                groups.add(g);
                targets.add(perGrid);
            }
        }
        int[] label = new int[n];
        for (int g = 0; g < groups.size(); g++) {
            for (int b : groups.get(g)) {
                label[b] = g;
            }
        }
        new Refinement(graph, options, label, groups.size(), targets, fixed, n, rest).run();
        return grids(blocks, weights, label, groups.size(), fixed);
    }

    /**
     * The candidate dedicated blocks (in the order given) that can each be a grid of their own
     * while the rest of the area stays in one piece; the others are left to comprehensive grids.
     */
    public List<Integer> feasibleDedicated(StreetBlockPolygonizer.Blocks blocks, double[] weights, List<Integer> candidates) {
        var kept = new ArrayList<Integer>();
        for (int c : candidates) {
            kept.add(c);
            try {
                partition(blocks, weights, kept, kept.size() + 1);
            } catch (IllegalArgumentException e) {
                kept.remove(kept.size() - 1);
            }
        }
        return kept;
    }

    /** Zero-weight blocks still count a little, so that empty land is shared out too. */
    private static double[] effective(double[] weights) {
        double total = Arrays.stream(weights).sum();
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = total > 0 ? weights[i] + 1e-3 * total / w.length : 1;
        }
        return w;
    }

    /** Grids per connected part: at least one each, the rest by weight (largest remainder). */
    private static int[] apportion(int count, List<int[]> parts, BlockGraph graph) {
        int n = parts.size();
        double[] w = new double[n];
        int[] min = new int[n];
        int[] max = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = graph.weightOf(parts.get(i));
            min[i] = 1;
            max[i] = parts.get(i).length;
        }
        return Apportionment.share(count, w, min, max);
    }

    private static List<Grid> grids(StreetBlockPolygonizer.Blocks blocks, double[] weights, int[] label, int count, boolean[] fixed) {
        var members = new ArrayList<List<Integer>>();
        for (int g = 0; g < count; g++) {
            members.add(new ArrayList<>());
        }
        for (int b = 0; b < label.length; b++) {
            members.get(label[b]).add(b);
        }
        members.sort(Comparator.comparing(m -> m.get(0)));
        var out = new ArrayList<Grid>(count);
        for (List<Integer> m : members) {
            Geometry[] polys = new Geometry[m.size()];
            double w = 0;
            for (int i = 0; i < polys.length; i++) {
                polys[i] = blocks.block(m.get(i)).polygon();
                w += weights[m.get(i)];
            }
            Geometry union = polys.length == 1 ? polys[0].copy() : CoverageUnion.union(polys);
            out.add(new Grid(List.copyOf(m), w, m.size() == 1 && fixed[m.get(0)], union));
        }
        return List.copyOf(out);
    }
}
