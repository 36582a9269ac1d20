package org.partymap.route;

/**
 * A point placed onto its nearest street: the edge and how far along it, the foot of the
 * perpendicular, and how far the point was from it.
 *
 * @param edge      the edge of the street graph
 * @param offset    metres from the edge's first vertex to the foot, along the edge
 * @param lon       the foot on the street, degrees
 * @param lat       the foot on the street, degrees
 * @param distance  metres from the given point to the foot
 * @param fromLon   the given point, degrees
 * @param fromLat   the given point, degrees
 */
public record Snap(int edge, double offset, double lon, double lat, double distance, double fromLon, double fromLat) {
}
