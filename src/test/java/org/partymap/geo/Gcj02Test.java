package org.partymap.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Gcj02Test {

    /** About 1 cm in degrees at these latitudes. */
    private static final double CM = 1e-7;

    // wgsLat, wgsLon, gcjLat, gcjLon: the reference pairs published with eviltransform
    @ParameterizedTest(name = "{0}, {1} → {2}, {3}")
    @CsvSource({
        "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",
        "22.543847, 113.912316, 22.540796131694766, 113.9171764808363",
        "39.911954, 116.377817, 39.91334545536069, 116.38404722455657"})
    void forwardTransformMatchesTheReferencePairs(double wLat, double wLon, double gLat, double gLon) {
        assertArrayEquals(new double[] {gLon, gLat}, Gcj02.fromWgs84(wLon, wLat), 1e-9);
    }

    @ParameterizedTest(name = "{2}, {3} → {0}, {1}")
    @CsvSource({
        "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",
        "22.543847, 113.912316, 22.540796131694766, 113.9171764808363",
        "39.911954, 116.377817, 39.91334545536069, 116.38404722455657"})
    void inverseRecoversTheWgs84PointToWithinACentimetre(double wLat, double wLon, double gLat, double gLon) {
        assertArrayEquals(new double[] {wLon, wLat}, Gcj02.toWgs84(gLon, gLat), CM);
    }

    @Test
    void inverseIsAccurateToMillimetresAllOverTinghu() {
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double lon = 120.0 + random.nextDouble() * 0.4;
            double lat = 33.2 + random.nextDouble() * 0.4;
            double[] gcj = Gcj02.fromWgs84(lon, lat);
            double[] back = Gcj02.toWgs84(gcj[0], gcj[1]);
            assertArrayEquals(new double[] {lon, lat}, back, 1e-8);
        }
    }

    @Test
    void theOffsetInTinghuIsSeveralHundredMetres() {
        double[] gcj = Gcj02.fromWgs84(120.16, 33.38);
        double metres = Math.hypot((gcj[0] - 120.16) * 93_000, (gcj[1] - 33.38) * 111_000);
        assertTrue(metres > 300 && metres < 800, "offset " + metres + " m");
    }

    @Test
    void pointsOutsideChinaAreLeftAlone() {
        assertArrayEquals(new double[] {2.35, 48.85}, Gcj02.toWgs84(2.35, 48.85), 0);
        assertArrayEquals(new double[] {2.35, 48.85}, Gcj02.fromWgs84(2.35, 48.85), 0);
    }
}
