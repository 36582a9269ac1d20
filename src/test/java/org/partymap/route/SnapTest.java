package org.partymap.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partymap.route.StreetGraphBuilderTest.line;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapTest {

    private final StreetGraph g = StreetGraphBuilder.build(List.of(
            line("人民路", 120.15, 33.38, 120.15, 33.40),
            line("解放路", 120.14, 33.39, 120.16, 33.39)), 1);

    @Test
    void aPointSnapsToTheFootOfThePerpendicularOnTheNearestStreet() {
        Snap s = g.snap(120.151, 33.385).orElseThrow();
        assertEquals("人民路", g.streetName(s.edge()));
        assertEquals(120.15, s.lon(), 1e-9);
        assertEquals(33.385, s.lat(), 1e-9);
        assertEquals(93.1, s.distance(), 0.2);
    }

    @Test
    void theOffsetIsMetresAlongTheEdgeFromItsFirstVertex() {
        Snap s = g.snap(120.1505, 33.385).orElseThrow();
        double fromStart = GroundDistance.metres(g.edgeCoordinates(s.edge())[0][0], g.edgeCoordinates(s.edge())[0][1], 120.15, 33.385);
        assertEquals(fromStart, s.offset(), 0.01);
    }

    @Test
    void theNearestStreetIsFoundInMetresNotDegrees() {
        // 0.0009° east of 人民路 (84 m) is nearer than 0.0008° north of 解放路 (89 m)
        Snap s = g.snap(120.1509, 33.3908).orElseThrow();
        assertEquals("人民路", g.streetName(s.edge()));
    }

    @Test
    void aPointFartherThanTheLimitFromEveryStreetDoesNotSnap() {
        assertTrue(g.snap(120.16, 33.40).isEmpty(), "about 1.3 km from both streets");
        assertTrue(g.snap(120.1555, 33.3945).isPresent(), "about 500 m from both streets, just within");
    }

    @Test
    void aStationsSnapIsRememberedUntilItMoves() {
        Snap first = g.snapStation(7, 120.151, 33.385).orElseThrow();
        assertEquals(first, g.snapStation(7, 120.151, 33.385).orElseThrow());
        Snap moved = g.snapStation(7, 120.149, 33.385).orElseThrow();
        assertEquals(120.149, moved.fromLon(), 0);
    }
}
