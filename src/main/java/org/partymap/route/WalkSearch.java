package org.partymap.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One shortest-path search (Dijkstra) from a snapped origin that answers the walks to many
 * snapped targets at once. It stops as soon as no unsettled node can shorten any target's walk,
 * or at a distance bound, so a search for the posts around a resident touches only the streets
 * within walking reach of them. The working arrays belong to the calling thread and are reused.
 */
public final class WalkSearch {

    private static final int VIA_NONE = 0;
    private static final int VIA_FROM = 1;
    private static final int VIA_TO = 2;
    private static final int VIA_SAME_EDGE = 3;
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private WalkSearch() {
    }

    /**
     * The walks from {@code origin} to each target, in the order given; null for a target that
     * cannot be reached (another part of the network, or farther along the streets than
     * {@code maxNetworkMetres}).
     */
    public static Walk[] run(StreetGraph g, Snap origin, Snap[] targets, double maxNetworkMetres) {
        Workspace ws = WORKSPACE.get();
        ws.begin(g.nodeCount());
        int k = targets.length;
        double[] best = new double[k];
        int[] via = new int[k];
        boolean[] reachable = new boolean[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        int oe = origin.edge();
        for (int t = 0; t < k; t++) {
            reachable[t] = targets[t] != null && g.connected(origin, targets[t]);
            if (!reachable[t]) {
                continue;
            }
            int f = targets[t].edge();
            ws.markTarget(g.edgeFrom[f]);
            ws.markTarget(g.edgeTo[f]);
            if (f == oe) {
                best[t] = Math.abs(targets[t].offset() - origin.offset());
                via[t] = VIA_SAME_EDGE;
            }
        }
        ws.relax(g.edgeFrom[oe], origin.offset(), -1);
        ws.relax(g.edgeTo[oe], g.edgeLength(oe) - origin.offset(), -1);
        double pending = pendingMax(best, reachable);
        while (ws.heapSize > 0) {
            double d = ws.heapKey[0];
            int n = ws.pop();
            if (ws.settled(n) || d > ws.dist[n]) {
                continue;
            }
            if (d >= pending || d > maxNetworkMetres) {
                break;
            }
            ws.settle(n);
            if (ws.isTarget(n)) {
                for (int t = 0; t < k; t++) {
                    if (!reachable[t]) {
                        continue;
                    }
                    int f = targets[t].edge();
                    if (g.edgeFrom[f] == n && d + targets[t].offset() < best[t]) {
                        best[t] = d + targets[t].offset();
                        via[t] = VIA_FROM;
                    }
                    if (g.edgeTo[f] == n && d + g.edgeLength(f) - targets[t].offset() < best[t]) {
                        best[t] = d + g.edgeLength(f) - targets[t].offset();
                        via[t] = VIA_TO;
                    }
                }
                pending = pendingMax(best, reachable);
            }
            for (int i = g.adjStart[n]; i < g.adjStart[n + 1]; i++) {
                int e = g.adjEdge[i];
                int m = g.edgeFrom[e] == n ? g.edgeTo[e] : g.edgeFrom[e];
                ws.relax(m, d + g.edgeLength(e), e);
            }
        }
        Walk[] out = new Walk[k];
        for (int t = 0; t < k; t++) {
            if (reachable[t] && via[t] != VIA_NONE && best[t] <= maxNetworkMetres) {
                out[t] = walk(g, ws, origin, targets[t], via[t], best[t]);
            }
        }
        return out;
    }

    private static double pendingMax(double[] best, boolean[] reachable) {
        double max = 0;
        for (int t = 0; t < best.length; t++) {
            if (reachable[t]) {
                max = Math.max(max, best[t]);
            }
        }
        return max;
    }

    private static Walk walk(StreetGraph g, Workspace ws, Snap origin, Snap target, int via, double network) {
        var route = new RouteLine();
        var streets = new ArrayList<String>();
        route.add(origin.fromLon(), origin.fromLat());
        route.add(origin.lon(), origin.lat());
        int oe = origin.edge();
        int f = target.edge();
        if (via == VIA_SAME_EDGE) {
            route.partial(g, oe, origin.offset(), target.offset());
            addStreet(streets, g.streetName(oe));
        } else {
            int end = via == VIA_FROM ? g.edgeFrom[f] : g.edgeTo[f];
            List<Integer> path = new ArrayList<>();
            int x = end;
            while (ws.prev[x] != -1) {
                int e = ws.prev[x];
                path.add(e);
                x = g.edgeFrom[e] == x ? g.edgeTo[e] : g.edgeFrom[e];
            }
            // x is where the walk left the origin's edge
            boolean leftByFrom = g.edgeFrom[oe] == x
                    && (g.edgeTo[oe] != x || origin.offset() <= g.edgeLength(oe) - origin.offset());
            route.partial(g, oe, origin.offset(), leftByFrom ? 0 : g.edgeLength(oe));
            addStreet(streets, g.streetName(oe));
            int at = x;
            for (int i = path.size() - 1; i >= 0; i--) {
                int e = path.get(i);
                boolean forward = g.edgeFrom[e] == at;
                route.partial(g, e, forward ? 0 : g.edgeLength(e), forward ? g.edgeLength(e) : 0);
                addStreet(streets, g.streetName(e));
                at = forward ? g.edgeTo[e] : g.edgeFrom[e];
            }
            route.partial(g, f, via == VIA_FROM ? 0 : g.edgeLength(f), target.offset());
            addStreet(streets, g.streetName(f));
        }
        route.add(target.lon(), target.lat());
        route.add(target.fromLon(), target.fromLat());
        return new Walk(origin.distance() + network + target.distance(), route.toArray(), streets);
    }

    private static void addStreet(List<String> streets, String name) {
        if (streets.isEmpty() || !streets.get(streets.size() - 1).equals(name)) {
            streets.add(name);
        }
    }

    /** The per-thread arrays of a search; a generation stamp makes them clean without clearing. */
    private static final class Workspace {
        double[] dist = new double[0];
        int[] prev = new int[0];
        int[] seen = new int[0];
        int[] done = new int[0];
        int[] target = new int[0];
        int generation;
        int[] heapNode = new int[256];
        double[] heapKey = new double[256];
        int heapSize;

        void begin(int nodes) {
            if (dist.length < nodes) {
                dist = new double[nodes];
                prev = new int[nodes];
                seen = new int[nodes];
                done = new int[nodes];
                target = new int[nodes];
                generation = 0;
            }
            generation++;
            heapSize = 0;
        }

        void markTarget(int n) {
            target[n] = generation;
        }

        boolean isTarget(int n) {
            return target[n] == generation;
        }

        boolean settled(int n) {
            return done[n] == generation;
        }

        void settle(int n) {
            done[n] = generation;
        }

        void relax(int n, double d, int viaEdge) {
            if (seen[n] != generation || d < dist[n]) {
                seen[n] = generation;
                dist[n] = d;
                prev[n] = viaEdge;
                push(n, d);
            }
        }

        void push(int n, double key) {
            if (heapSize == heapNode.length) {
                heapNode = Arrays.copyOf(heapNode, heapSize * 2);
                heapKey = Arrays.copyOf(heapKey, heapSize * 2);
            }
            int i = heapSize++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heapKey[parent] <= key) {
                    break;
                }
                heapNode[i] = heapNode[parent];
                heapKey[i] = heapKey[parent];
                i = parent;
            }
            heapNode[i] = n;
            heapKey[i] = key;
        }

        int pop() {
            int top = heapNode[0];
            int lastNode = heapNode[--heapSize];
            double lastKey = heapKey[heapSize];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= heapSize) {
                    break;
                }
                if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) {
                    child++;
                }
                if (heapKey[child] >= lastKey) {
                    break;
                }
                heapNode[i] = heapNode[child];
                heapKey[i] = heapKey[child];
                i = child;
            }
            heapNode[i] = lastNode;
            heapKey[i] = lastKey;
            return top;
        }
    }
}
