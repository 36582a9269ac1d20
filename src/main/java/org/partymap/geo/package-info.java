/**
 * Coordinate plumbing shared by every layer: GCJ-02 (the offset system of Chinese web maps)
 * to and from WGS-84, China's extent, and geometry parsing.
 */
package org.partymap.geo;
