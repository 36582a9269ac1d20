package org.partymap.geocode;

/**
 * Distances and offsets in metres between WGS-84 points a few kilometres apart, on a local
 * equirectangular approximation: within a district its error is far below a metre per kilometre.
 */
final class Metres {

    static final double PER_DEGREE_LAT = 110_574.0;
    static final double PER_DEGREE_LON_EQUATOR = 111_320.0;

    private Metres() {
    }

    static double perDegreeLon(double lat) {
        return PER_DEGREE_LON_EQUATOR * Math.cos(Math.toRadians(lat));
    }

    static double distance(double lon1, double lat1, double lon2, double lat2) {
        double dx = (lon2 - lon1) * perDegreeLon((lat1 + lat2) / 2);
        double dy = (lat2 - lat1) * PER_DEGREE_LAT;
        return Math.sqrt(dx * dx + dy * dy);
    }
}
