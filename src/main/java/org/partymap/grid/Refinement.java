package org.partymap.grid;

import java.util.List;

/**
 * Local improvement of a partition: moves single blocks to a neighbouring grid while that lowers
 * imbalance plus cut cost and leaves both grids contiguous. Dedicated grids are left alone.
 */
final class Refinement {

    private final BlockGraph graph;
    private final GridPartitioner.Options options;
    private final int[] label;
    private final double[] weight;
    private final double[] target;
    private final int[] size;
    private final boolean[] fixed;
    private final double norm;

    Refinement(BlockGraph graph, GridPartitioner.Options options, int[] label, int groups, List<Double> targets,
               boolean[] fixed, int blocks, int freeGroups) {
        this.graph = graph;
        this.options = options;
        this.label = label;
        this.fixed = fixed;
        this.weight = new double[groups];
        this.size = new int[groups];
        this.target = new double[groups];
        for (int g = 0; g < groups; g++) {
            target[g] = targets.get(g);
        }
        for (int b = 0; b < label.length; b++) {
            weight[label[b]] += graph.weight[b];
            size[label[b]]++;
        }
        int free = 0;
        for (boolean f : fixed) {
            free += f ? 0 : 1;
        }
        this.norm = graph.meanEdge * Math.sqrt(Math.max(1.0, (double) free / Math.max(1, freeGroups)));
    }

    void run() {
        for (int pass = 0; pass < options.refinementPasses(); pass++) {
            boolean moved = false;
            for (int b = 0; b < label.length; b++) {
                moved |= tryMove(b);
            }
            if (!moved) {
                return;
            }
        }
    }

    private boolean tryMove(int b) {
        int g = label[b];
        if (fixed[b] || size[g] <= 1) {
            return false;
        }
        int bestGroup = -1;
        double bestChange = -1e-12;
        int[] nb = graph.neighbours[b];
        for (int n : nb) {
            int h = label[n];
            if (h == g || fixed[n] || h == bestGroup) {
                continue;
            }
            double change = change(b, g, h);
            if (change < bestChange) {
                bestChange = change;
                bestGroup = h;
            }
        }
        if (bestGroup < 0 || !graph.connected(x -> label[x] == g && x != b)) {
            return false;
        }
        label[b] = bestGroup;
        weight[g] -= graph.weight[b];
        weight[bestGroup] += graph.weight[b];
        size[g]--;
        size[bestGroup]++;
        return true;
    }

    /** What moving b from g to h does to the objective (negative is better). */
    private double change(int b, int g, int h) {
        double w = graph.weight[b];
        double balance = sq((weight[g] - w - target[g]) / target[g]) - sq((weight[g] - target[g]) / target[g])
                + sq((weight[h] + w - target[h]) / target[h]) - sq((weight[h] - target[h]) / target[h]);
        double cut = 0;
        int[] nb = graph.neighbours[b];
        for (int j = 0; j < nb.length; j++) {
            if (label[nb[j]] == g) {
                cut += graph.cost[b][j];
            } else if (label[nb[j]] == h) {
                cut -= graph.cost[b][j];
            }
        }
        return options.balance() * balance + cut / norm;
    }

    private static double sq(double v) {
        return v * v;
    }
}
