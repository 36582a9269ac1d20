package org.partymap.grid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.partymap.street.StreetClass;

/**
 * The blocks of an area as a graph: a node per block, an arc between blocks that share an edge,
 * weighted by what cutting there costs (the metres of shared edge times the cost of the street
 * class it runs along). Package-private working structure of {@link GridPartitioner}.
 */
final class BlockGraph {

    final int size;
    final double[] weight;
    final double[] x;
    final double[] y;
    /** Neighbours of each block and the cost of the cut between them, in ascending neighbour order. */
    final int[][] neighbours;
    final double[][] cost;
    /** Mean length of an inner edge in metres, for scaling cut costs. */
    final double meanEdge;

    BlockGraph(StreetBlockPolygonizer.Blocks blocks, double[] weight, double[] classCost, double boundaryCost) {
        this.size = blocks.size();
        this.weight = weight.clone();
        this.x = new double[size];
        this.y = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = blocks.block(i).interiorPoint().x;
            y[i] = blocks.block(i).interiorPoint().y;
        }
        Map<Long, double[]> pairs = new LinkedHashMap<>();
        double total = 0;
        int count = 0;
        for (StreetBlockPolygonizer.Edge e : blocks.edges()) {
            if (!e.isInner()) {
                continue;
            }
            int a = Math.min(e.left(), e.right());
            int b = Math.max(e.left(), e.right());
            StreetClass c = e.streetClass();
            double unit = c == null ? boundaryCost : classCost[c.ordinal()];
            pairs.computeIfAbsent(((long) a << 32) | b, k -> new double[1])[0] += unit * e.lengthM();
            total += e.lengthM();
            count++;
        }
        this.meanEdge = count == 0 ? 1 : total / count;
        List<List<double[]>> adj = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            adj.add(new ArrayList<>());
        }
        for (Map.Entry<Long, double[]> p : pairs.entrySet()) {
            int a = (int) (p.getKey() >>> 32);
            int b = (int) (p.getKey() & 0xffffffffL);
            double c = Math.max(p.getValue()[0], 1e-9);
            adj.get(a).add(new double[] {b, c});
            adj.get(b).add(new double[] {a, c});
        }
        neighbours = new int[size][];
        cost = new double[size][];
        for (int i = 0; i < size; i++) {
            List<double[]> l = adj.get(i);
            l.sort((p, q) -> Double.compare(p[0], q[0]));
            neighbours[i] = l.stream().mapToInt(p -> (int) p[0]).toArray();
            cost[i] = l.stream().mapToDouble(p -> p[1]).toArray();
        }
    }

    /** The connected parts of the blocks marked in {@code member}, each in ascending order. */
    List<int[]> components(boolean[] member) {
        var out = new ArrayList<int[]>();
        boolean[] seen = new boolean[size];
        for (int s = 0; s < size; s++) {
            if (!member[s] || seen[s]) {
                continue;
            }
            var part = new ArrayList<Integer>();
            var queue = new ArrayDeque<Integer>();
            queue.add(s);
            seen[s] = true;
            while (!queue.isEmpty()) {
                int b = queue.poll();
                part.add(b);
                for (int n : neighbours[b]) {
                    if (member[n] && !seen[n]) {
                        seen[n] = true;
                        queue.add(n);
                    }
                }
            }
            int[] p = part.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(p);
            out.add(p);
        }
        return out;
    }

    /** Whether the blocks for which {@code member} holds are connected (and there is one at least). */
    boolean connected(IntPredicate member) {
        int start = -1;
        int total = 0;
        for (int b = 0; b < size; b++) {
            if (member.test(b)) {
                total++;
                if (start < 0) {
                    start = b;
                }
            }
        }
        if (start < 0) {
            return false;
        }
        boolean[] seen = new boolean[size];
        var stack = new ArrayDeque<Integer>();
        stack.push(start);
        seen[start] = true;
        int reached = 0;
        while (!stack.isEmpty()) {
            int b = stack.pop();
            reached++;
            for (int n : neighbours[b]) {
                if (!seen[n] && member.test(n)) {
                    seen[n] = true;
                    stack.push(n);
                }
            }
        }
        return reached == total;
    }

    double weightOf(int[] blocks) {
        double w = 0;
        for (int b : blocks) {
            w += weight[b];
        }
        return w;
    }
}
