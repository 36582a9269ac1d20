package org.partymap.route;

/**
 * Metres between nearby lon/lat points on the WGS-84 ellipsoid: the local lengths of a degree of
 * latitude and of longitude at the mean latitude (the series every surveying handbook gives),
 * applied to the differences. Exact to millimetres over a street segment; not for hundreds of
 * kilometres.
 */
public final class GroundDistance {

    private GroundDistance() {
    }

    /** Metres in one degree of latitude at {@code lat} degrees. */
    public static double metresPerDegreeLat(double lat) {
        double phi = Math.toRadians(lat);
        return 111132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
    }

    /** Metres in one degree of longitude at {@code lat} degrees. */
    public static double metresPerDegreeLon(double lat) {
        double phi = Math.toRadians(lat);
        return 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi);
    }

    /** Metres between two points given as lon/lat degrees. */
    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        double mid = (lat1 + lat2) / 2;
        double dx = (lon2 - lon1) * metresPerDegreeLon(mid);
        double dy = (lat2 - lat1) * metresPerDegreeLat(mid);
        return Math.sqrt(dx * dx + dy * dy);
    }
}
