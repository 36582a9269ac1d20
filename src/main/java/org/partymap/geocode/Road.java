package org.partymap.geocode;

import java.util.List;

/**
 * A named road: every segment of the street layer with that name, and how well interpolation
 * along it agrees with its own standard addresses.
 *
 * @param key                 the normalised name, the key of its addresses
 * @param name                the name as stored
 * @param segments            its noded centre-line segments; empty for a road known only from addresses
 * @param lon                 a point on the road near its middle
 * @param lat                 see lon
 * @param length              metres, 0 without segments
 * @param interpolationChecks how many of its own addresses could be interpolated to test it
 * @param interpolationError  the 90th percentile of the distance between those addresses and
 *                            their interpolated points, metres; NaN without checks
 */
public record Road(String key, String name, List<Places.Segment> segments, double lon, double lat, GridRef grid,
                   double length, int interpolationChecks, double interpolationError) {
}
