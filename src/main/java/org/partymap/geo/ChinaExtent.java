package org.partymap.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The bounding box of China's territory in WGS-84 degrees, with a small margin. Data for a
 * Chinese district that falls outside it has its coordinates swapped, projected or garbled.
 */
public final class ChinaExtent {

    public static final Envelope BOX = new Envelope(73.0, 135.5, 3.0, 54.0);

    private ChinaExtent() {
    }

    public static boolean contains(Coordinate c) {
        return BOX.contains(c.x, c.y);
    }
}
