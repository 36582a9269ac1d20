package org.partymap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class LocalPlaneTest {

    @Test
    void theOriginIsLon120point16Lat33point38AndAMetreIsAMetre() {
        assertEquals(new Coordinate(120.16, 33.38), LocalPlane.toLonLat(new Coordinate(0, 0)));
        // one degree of latitude near 33.4°N is 110.9 km, one of longitude 93.1 km
        assertEquals(110_900, LocalPlane.M_LAT, 100);
        assertEquals(93_100, LocalPlane.M_LON, 100);
    }

    @Test
    void lonLatIsRoundedToSevenDecimalsAndComesBackWithinACentimetre() {
        Coordinate ll = LocalPlane.toLonLat(new Coordinate(1234.5678, -987.6543));
        assertEquals(ll.x, Math.round(ll.x * 1e7) / 1e7, 0);
        Coordinate back = LocalPlane.toMetres(ll);
        assertEquals(1234.5678, back.x, 0.01);
        assertEquals(-987.6543, back.y, 0.01);
    }

    @Test
    void theDemoAreaSpansTheIssuesRectangle() {
        var env = LocalPlane.toLonLat(DemoGenerator.demoArea()).getEnvelopeInternal();
        assertEquals(120.10, env.getMinX(), 1e-7);
        assertEquals(120.22, env.getMaxX(), 1e-7);
        assertEquals(33.33, env.getMinY(), 1e-7);
        assertEquals(33.43, env.getMaxY(), 1e-7);
    }
}
