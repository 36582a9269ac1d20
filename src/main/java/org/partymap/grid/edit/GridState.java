package org.partymap.grid.edit;

import org.locationtech.jts.geom.Geometry;

/** A grid as it is stored now: id, 15-digit code, version and shape (lon/lat). */
public record GridState(int id, String code, int version, Geometry geom, GridAttributes attributes) {
}
