package org.partymap.route;

/**
 * A street centre line as stored: its name and its vertices as lon/lat pairs.
 *
 * @param coordinates {@code [[lon, lat], ...]}, at least two
 */
public record StreetLine(String name, double[][] coordinates) {
}
