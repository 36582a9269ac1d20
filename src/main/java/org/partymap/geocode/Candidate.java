package org.partymap.geocode;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One answer of the geocoder.
 *
 * @param lon     WGS-84 longitude, degrees
 * @param lat     WGS-84 latitude, degrees
 * @param score   0–1; 0.8 or more means right to within 100 m (see docs/geocoding.md)
 * @param level   how precise the point is
 * @param address the standard address, building, road or area matched
 * @param grid    the grid the point lies in, or null outside every grid
 */
@JsonPropertyOrder({"lon", "lat", "score", "level", "address", "grid"})
public record Candidate(double lon, double lat, double score, MatchLevel level, String address, GridRef grid) {

    /** The score at or above which an answer is right to within 100 m in at least 99.5% of cases. */
    public static final double CONFIDENT = 0.8;

    public boolean confident() {
        return score >= CONFIDENT;
    }
}
