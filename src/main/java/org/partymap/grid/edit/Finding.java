package org.partymap.grid.edit;

import org.locationtech.jts.geom.Geometry;

/**
 * Something validation found: its type (a slug such as {@code overlap}), a sentence for the
 * planner (Chinese, with the English after it), the grid it concerns (its id, or the negative key
 * of a grid the edit creates; null for the community) and where it is (lon/lat, may be null).
 */
public record Finding(String type, String detail, Integer grid, Geometry place) {

    static Finding of(String type, String detail) {
        return new Finding(type, detail, null, null);
    }

    static Finding at(String type, String detail, Integer grid, Geometry place) {
        return new Finding(type, detail, grid, place);
    }
}
