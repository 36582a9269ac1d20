package org.partymap.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recursive bisection of a connected set of blocks into k contiguous parts. Each split takes the
 * best candidate of two families: straight sweeps across the set in eight directions, and regions
 * grown from seeds that swallow first the neighbours joined to them by the costliest streets (so
 * that the cut falls on cheap ones). A candidate scores its imbalance plus its cut cost; both
 * sides must stay connected.
 */
final class Bisection {

    private static final int DIRECTIONS = 8;
    private static final int SEEDS = 24;

    private final BlockGraph graph;
    private final GridPartitioner.Options options;
    private final boolean[] inSet;
    private final boolean[] inA;

    Bisection(BlockGraph graph, GridPartitioner.Options options) {
        this.graph = graph;
        this.options = options;
        this.inSet = new boolean[graph.size];
        this.inA = new boolean[graph.size];
    }

    /** Splits a connected set (ascending block indices) into k parts. */
    List<int[]> split(int[] set, int k) {
        var out = new ArrayList<int[]>();
        split(set, k, out);
        return out;
    }

    private void split(int[] set, int k, List<int[]> out) {
        if (k == 1) {
            out.add(set);
            return;
        }
        int k1 = k / 2;
        Candidate best = bestSplit(set, k1, k - k1);
        if (k % 2 == 1) {
            // an odd count may split either way: keep whichever scores better
            Candidate other = bestSplit(set, k - k1, k1);
            if (other.score < best.score) {
                best = other;
                k1 = k - k1;
            }
        }
        int[] a = best.blocks;
        boolean[] mark = new boolean[graph.size];
        for (int b : a) {
            mark[b] = true;
        }
        int[] rest = Arrays.stream(set).filter(b -> !mark[b]).toArray();
        split(a, k1, out);
        split(rest, k - k1, out);
    }

    /** The best split of {@code set} into k1 + k2 parts: its side A (ascending) and score. */
    private Candidate bestSplit(int[] set, int k1, int k2) {
        for (int b : set) {
            inSet[b] = true;
        }
        double total = graph.weightOf(set);
        var best = new Candidate(null, Double.POSITIVE_INFINITY);
        double norm = graph.meanEdge * Math.sqrt(set.length);
        try {
            for (int d = 0; d < DIRECTIONS; d++) {
                best = sweep(set, k1, k2, total, norm, Math.PI * d / DIRECTIONS, best);
            }
            int step = Math.max(1, set.length / SEEDS);
            for (int s = 0; s < set.length; s += step) {
                best = grow(set, set[s], k1, k2, total, norm, best);
            }
            if (best.blocks == null) {
                throw new IllegalArgumentException("cannot split " + set.length + " blocks into " + (k1 + k2)
                        + " contiguous grids");
            }
            return best;
        } finally {
            for (int b : set) {
                inSet[b] = false;
                inA[b] = false;
            }
        }
    }

    private record Candidate(int[] blocks, double score) {
    }

    /**
     * Imbalance of the two sides (their weight per grid against the target), plus what a side
     * cannot avoid later (a block heavier than its share per grid stays one piece), plus the cut.
     */
    private double score(double wa, double total, int k1, int k2, double maxA, double maxB, double cut, double norm) {
        double perGrid = total / (k1 + k2);
        double da = (wa / k1 - perGrid) / perGrid;
        double db = ((total - wa) / k2 - perGrid) / perGrid;
        double ea = k1 > 1 ? Math.max(0, maxA - wa / k1) / perGrid : 0;
        double eb = k2 > 1 ? Math.max(0, maxB - (total - wa) / k2) / perGrid : 0;
        return options.balance() * (da * da + db * db + ea * ea + eb * eb) + cut / norm;
    }

    private Candidate sweep(int[] set, int k1, int k2, double total, double norm, double angle, Candidate best) {
        double cx = StrictMath.cos(angle);
        double cy = StrictMath.sin(angle);
        Integer[] order = Arrays.stream(set).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (p, q) -> {
            int c = Double.compare(graph.x[p] * cx + graph.y[p] * cy, graph.x[q] * cx + graph.y[q] * cy);
            return c != 0 ? c : Integer.compare(p, q);
        });
        double[] suffixMax = new double[order.length + 1];
        for (int i = order.length - 1; i >= 0; i--) {
            suffixMax[i] = Math.max(suffixMax[i + 1], graph.weight[order[i]]);
        }
        double wa = 0;
        double maxA = 0;
        double cut = 0;
        for (int i = 0; i < order.length - k2; i++) {
            int b = order[i];
            inA[b] = true;
            wa += graph.weight[b];
            maxA = Math.max(maxA, graph.weight[b]);
            cut += cutChange(b);
            int sizeA = i + 1;
            if (sizeA >= k1) {
                double s = score(wa, total, k1, k2, maxA, suffixMax[i + 1], cut, norm);
                if (s < best.score) {
                    int[] a = Arrays.stream(order, 0, sizeA).mapToInt(Integer::intValue).sorted().toArray();
                    if (connected(true) && connected(false)) {
                        best = new Candidate(a, s);
                    }
                }
            }
        }
        for (int b : set) {
            inA[b] = false;
        }
        return best;
    }

    /** How the cut changes when b joins A. */
    private double cutChange(int b) {
        double change = 0;
        int[] nb = graph.neighbours[b];
        for (int j = 0; j < nb.length; j++) {
            if (inSet[nb[j]]) {
                change += inA[nb[j]] ? -graph.cost[b][j] : graph.cost[b][j];
            }
        }
        return change;
    }

    private Candidate grow(int[] set, int seed, int k1, int k2, double total, double norm, Candidate best) {
        var members = new ArrayList<Integer>();
        inA[seed] = true;
        members.add(seed);
        try {
            if (!connected(false)) {
                return best;
            }
            double wa = graph.weight[seed];
            double maxA = wa;
            double cut = cutChange(seed);
            double target = total * k1 / (k1 + k2);
            while (set.length - members.size() > k2 - 1) {
                if (members.size() >= k1) {
                    double s = score(wa, total, k1, k2, maxA, maxOutsideA(set), cut, norm);
                    if (s < best.score) {
                        best = new Candidate(members.stream().mapToInt(Integer::intValue).sorted().toArray(), s);
                    }
                }
                if (wa >= target * 1.25 || set.length - members.size() == k2) {
                    break;
                }
                int next = nextToSwallow(set);
                if (next < 0) {
                    break;
                }
                cut += cutChange(next);
                inA[next] = true;
                members.add(next);
                wa += graph.weight[next];
                maxA = Math.max(maxA, graph.weight[next]);
            }
            return best;
        } finally {
            for (int b : members) {
                inA[b] = false;
            }
        }
    }

    /**
     * The frontier block whose joining lowers the cut most (it is tied to A by costly streets),
     * among those whose leaving keeps the other side connected; -1 when there is none.
     */
    private int nextToSwallow(int[] set) {
        var tried = new ArrayList<Integer>();
        while (true) {
            int best = -1;
            double bestChange = Double.POSITIVE_INFINITY;
            for (int b : set) {
                if (inA[b] || tried.contains(b) || !touchesA(b)) {
                    continue;
                }
                double c = cutChange(b);
                if (c < bestChange) {
                    bestChange = c;
                    best = b;
                }
            }
            if (best < 0) {
                return -1;
            }
            inA[best] = true;
            boolean ok = connected(false);
            inA[best] = false;
            if (ok) {
                return best;
            }
            tried.add(best);
        }
    }

    private double maxOutsideA(int[] set) {
        double max = 0;
        for (int b : set) {
            if (!inA[b]) {
                max = Math.max(max, graph.weight[b]);
            }
        }
        return max;
    }

    private boolean touchesA(int b) {
        for (int n : graph.neighbours[b]) {
            if (inA[n]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the blocks of the set on side A (or, with {@code sideA} false, on the other side) are connected. */
    private boolean connected(boolean sideA) {
        return graph.connected(b -> inSet[b] && inA[b] == sideA);
    }
}
