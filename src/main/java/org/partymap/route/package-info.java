/**
 * 步行路网 the walking network: the street centre lines as a graph held in memory, a point's snap
 * onto its nearest street, and one bounded shortest-path search from a resident's door that
 * answers the walking distance and the route to every candidate service post at once.
 *
 * <p>Distances are metres on the WGS-84 ellipsoid, computed locally (equirectangular at the
 * latitude of each segment), which at the length of a street segment is exact to millimetres.
 */
package org.partymap.route;
