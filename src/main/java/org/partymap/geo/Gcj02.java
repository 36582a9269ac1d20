package org.partymap.geo;

/**
 * GCJ-02, the obfuscated datum that Chinese web maps (AMap, Tencent) publish coordinates in, to
 * and from WGS-84. The forward transform is the published one; the inverse is found by fixed-point
 * iteration, which converges to well under a centimetre in a few steps because the offset changes
 * slowly (some hundred metres over the whole country). Outside China the two datums coincide.
 *
 * <p>Coordinates are degrees, longitude first.
 */
public final class Gcj02 {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    /** Iteration stops when the residual is below this many degrees (about 1 mm). */
    private static final double TOLERANCE = 1e-8;
    private static final int MAX_ITERATIONS = 30;

    private Gcj02() {
    }

    /** WGS-84 → GCJ-02, as {lon, lat}. */
    public static double[] fromWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double[] d = delta(lon, lat);
        return new double[] {lon + d[0], lat + d[1]};
    }

    /** GCJ-02 → WGS-84, as {lon, lat}: the point whose forward transform is the given one. */
    public static double[] toWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] g = fromWgs84(wLon, wLat);
            double dLon = g[0] - lon;
            double dLat = g[1] - lat;
            if (Math.abs(dLon) < TOLERANCE && Math.abs(dLat) < TOLERANCE) {
                break;
            }
            wLon -= dLon;
            wLat -= dLat;
        }
        return new double[] {wLon, wLat};
    }

    static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double[] delta(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = transformLat(x, y);
        double dLon = transformLon(x, y);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double transformLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double transformLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
