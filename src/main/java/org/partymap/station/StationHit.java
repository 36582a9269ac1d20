package org.partymap.station;

import java.util.List;

/**
 * A station found near a point.
 *
 * @param distance straight-line metres from the point, on the spheroid
 */
public record StationHit(int id, String kind, String name, String address, String hours, String phone,
                         List<String> services, Integer gridId, Integer communityId, double lon, double lat,
                         double distance) {
}
