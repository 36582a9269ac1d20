package org.partymap.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partymap.route.StreetGraphBuilderTest.line;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small lattice: three north–south streets (A at 120.14, B at 120.15, C at 120.16) and three
 * east–west ones (X at 33.38, Y at 33.39, Z at 33.40), with an island street far away.
 */
class WalkSearchTest {

    private static final double LAT_DEG = GroundDistance.metresPerDegreeLat(33.39);
    private static final double LON_DEG = GroundDistance.metresPerDegreeLon(33.39);

    private final StreetGraph g = StreetGraphBuilder.build(List.of(
            line("A路", 120.14, 33.38, 120.14, 33.40),
            line("B路", 120.15, 33.38, 120.15, 33.40),
            line("C路", 120.16, 33.38, 120.16, 33.40),
            line("X路", 120.14, 33.38, 120.16, 33.38),
            line("Y路", 120.14, 33.39, 120.16, 33.39),
            line("Z路", 120.14, 33.40, 120.16, 33.40),
            line("岛路", 121.00, 33.39, 121.01, 33.39)), 1);

    private Snap snap(double lon, double lat) {
        return g.snap(lon, lat).orElseThrow();
    }

    @Test
    void oneSearchAnswersEveryTargetWithItsShortestWalk() {
        Snap origin = snap(120.1501, 33.385);              // on B, halfway between X and Y
        Snap sameEdge = snap(120.1501, 33.387);            // further up the same stretch of B
        Snap corner = snap(120.1601, 33.3999);             // near the corner C/Z
        Snap west = snap(120.1399, 33.395);                // on A between Y and Z
        Walk[] w = WalkSearch.run(g, origin, new Snap[] {sameEdge, corner, west}, 10_000);
        double connectors = 2 * 0.0001 * LON_DEG;
        assertEquals(0.002 * LAT_DEG + connectors, w[0].metres(), 0.5);
        // up B to Y (0.005°), east to C (0.01°), up C to Z's corner (0.0099°)
        assertEquals(0.005 * LAT_DEG + 0.01 * LON_DEG + 0.0099 * LAT_DEG + 0.0001 * LON_DEG + 0.0001 * LON_DEG, w[1].metres(), 1.0);
        // up B to Y, west to A, up A by 0.005°
        assertEquals(0.005 * LAT_DEG + 0.01 * LON_DEG + 0.005 * LAT_DEG + 0.0002 * LON_DEG, w[2].metres(), 1.0);
        assertEquals(List.of("B路", "Y路", "A路"), w[2].via());
    }

    @Test
    void theRouteRunsFromTheOriginAlongTheStreetsToTheTarget() {
        Walk w = WalkSearch.run(g, snap(120.1501, 33.385), new Snap[] {snap(120.1399, 33.395)}, 10_000)[0];
        double[][] c = w.coordinates();
        assertArrayEquals(new double[] {120.1501, 33.385}, c[0], 1e-9);
        assertArrayEquals(new double[] {120.15, 33.385}, c[1], 1e-9);
        assertArrayEquals(new double[] {120.15, 33.39}, c[2], 1e-7);
        assertArrayEquals(new double[] {120.14, 33.39}, c[c.length - 3], 1e-7);
        assertArrayEquals(new double[] {120.14, 33.395}, c[c.length - 2], 1e-9);
        assertArrayEquals(new double[] {120.1399, 33.395}, c[c.length - 1], 1e-9);
        double length = 0;
        for (int i = 1; i < c.length; i++) {
            length += GroundDistance.metres(c[i - 1][0], c[i - 1][1], c[i][0], c[i][1]);
        }
        assertEquals(w.metres(), length, 0.01, "the route is as long as the walk");
    }

    @Test
    void aTargetOnAnotherNetworkHasNoWalk() {
        Walk[] w = WalkSearch.run(g, snap(120.1501, 33.385), new Snap[] {snap(121.005, 33.3901), snap(120.14, 33.385)}, 1e9);
        assertNull(w[0]);
        assertTrue(w[1].metres() > 0, "the reachable target is still answered");
    }

    @Test
    void aTargetBeyondTheBoundHasNoWalk() {
        Walk[] w = WalkSearch.run(g, snap(120.1501, 33.381), new Snap[] {snap(120.1601, 33.3999)}, 1_000);
        assertNull(w[0]);
    }

    @Test
    void aMissingTargetStaysMissingAndTheOthersAreAnswered() {
        Walk[] w = WalkSearch.run(g, snap(120.1501, 33.385), new Snap[] {null, snap(120.1501, 33.386)}, 10_000);
        assertNull(w[0]);
        assertEquals(0.001 * LAT_DEG + 0.0002 * LON_DEG, w[1].metres(), 0.5);
    }

    @Test
    void searchesFromManyThreadsDoNotDisturbEachOther() throws InterruptedException {
        Snap origin = snap(120.1501, 33.385);
        Snap[] targets = {snap(120.1601, 33.3999), snap(120.1399, 33.395)};
        Walk[] expected = WalkSearch.run(g, origin, targets, 10_000);
        var failures = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    Walk[] w = WalkSearch.run(g, origin, targets, 10_000);
                    if (w[0].metres() != expected[0].metres() || w[1].metres() != expected[1].metres()) {
                        failures.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, failures.get());
    }
}
