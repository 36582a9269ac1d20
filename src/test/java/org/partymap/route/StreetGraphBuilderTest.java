package org.partymap.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreetGraphBuilderTest {

    static StreetLine line(String name, double... lonLat) {
        double[][] c = new double[lonLat.length / 2][];
        for (int i = 0; i < c.length; i++) {
            c[i] = new double[] {lonLat[2 * i], lonLat[2 * i + 1]};
        }
        return new StreetLine(name, c);
    }

    private static int degree(StreetGraph g, int node) {
        return g.adjStart[node + 1] - g.adjStart[node];
    }

    @Test
    void streetsThatCrossWithoutAVertexStillMeetInANode() {
        StreetGraph g = StreetGraphBuilder.build(List.of(
                line("人民路", 120.15, 33.38, 120.15, 33.40),
                line("解放路", 120.14, 33.39, 120.16, 33.39)), 1);
        assertEquals(5, g.nodeCount());
        assertEquals(4, g.edgeCount());
        int crossing = -1;
        for (int n = 0; n < g.nodeCount(); n++) {
            if (degree(g, n) == 4) {
                crossing = n;
            }
        }
        assertTrue(crossing >= 0, "one node joins all four edges");
        assertEquals(120.15, g.nodeLon[crossing], 1e-7);
        assertEquals(33.39, g.nodeLat[crossing], 1e-7);
    }

    @Test
    void aStreetEndingOnAnotherSplitsItThere() {
        StreetGraph g = StreetGraphBuilder.build(List.of(
                line("人民路", 120.15, 33.38, 120.15, 33.40),
                line("青年路", 120.14, 33.39, 120.15, 33.39)), 1);
        assertEquals(4, g.nodeCount());
        assertEquals(3, g.edgeCount());
    }

    @Test
    void nodedStreetsSharingEndpointsKeepTheirSegmentsAndBends() {
        StreetGraph g = StreetGraphBuilder.build(List.of(
                line("建军路", 120.14, 33.39, 120.145, 33.391, 120.15, 33.39),
                line("建军路", 120.15, 33.39, 120.16, 33.39)), 1);
        assertEquals(3, g.nodeCount());
        assertEquals(2, g.edgeCount());
        assertEquals(3, g.edgeCoordinates(0).length + g.edgeCoordinates(1).length - 2);
    }

    @Test
    void edgeLengthsAreMetresOnTheGround() {
        // on the WGS-84 ellipsoid at 33.39°N: the meridian radius M = a(1-e²)/(1-e²sin²φ)^1.5 gives
        // 1,109.12 m per 0.01° of latitude, the parallel radius a·cosφ/√(1-e²sin²φ) 930.41 m per 0.01° of longitude
        StreetGraph g = StreetGraphBuilder.build(List.of(line("人民路", 120.15, 33.385, 120.15, 33.395)), 1);
        assertEquals(1109.12, g.edgeLength(0), 0.05);
        g = StreetGraphBuilder.build(List.of(line("解放路", 120.145, 33.39, 120.155, 33.39)), 1);
        assertEquals(930.41, g.edgeLength(0), 0.05);
    }

    @Test
    void separateNetworksAreSeparateComponents() {
        StreetGraph g = StreetGraphBuilder.build(List.of(
                line("甲路", 120.14, 33.38, 120.15, 33.38),
                line("乙路", 120.14, 33.40, 120.15, 33.40)), 1);
        Snap a = g.snap(120.145, 33.381).orElseThrow();
        Snap b = g.snap(120.145, 33.399).orElseThrow();
        assertFalse(g.connected(a, b));
        assertTrue(g.connected(a, g.snap(120.141, 33.3805).orElseThrow()));
    }

    @Test
    void degenerateLinesAreLeftOut() {
        StreetGraph g = StreetGraphBuilder.build(List.of(
                line("点", 120.14, 33.38, 120.14, 33.38),
                line("路", 120.14, 33.38, 120.15, 33.38)), 1);
        assertEquals(1, g.edgeCount());
    }

    @Test
    void noStreetsMakeAnEmptyGraphThatSnapsNothing() {
        StreetGraph g = StreetGraphBuilder.build(List.of(), 1);
        assertEquals(0, g.edgeCount());
        assertTrue(g.snap(120.15, 33.39).isEmpty());
    }
}
