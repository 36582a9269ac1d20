package org.partymap.route;

import java.util.List;

/**
 * A walk from a point to another along the streets.
 *
 * @param metres       the whole length: from the start to its street, along the streets, and
 *                     from the street to the end
 * @param coordinates  the route as [lon, lat] pairs, from the start to the end
 * @param via          the names of the streets walked along, in order, each once per stretch
 */
public record Walk(double metres, double[][] coordinates, List<String> via) {
}
