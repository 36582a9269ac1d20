package org.partymap.geo;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** The coordinate systems input may come in. Storage is always WGS-84. */
public enum Crs {
    WGS84,
    GCJ02;

    /** Parses {@code wgs84} or {@code gcj02} (any case); anything else is refused. */
    public static Crs parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "wgs84", "wgs-84", "epsg:4326", "4326", "crs84" -> WGS84;
            case "gcj02", "gcj-02" -> GCJ02;
            default -> throw new IllegalArgumentException("unknown coordinate system '" + text + "': use wgs84 or gcj02");
        };
    }

    /** Converts a geometry in place from this system to WGS-84. */
    public Geometry toWgs84(Geometry g) {
        if (this == WGS84) {
            return g;
        }
        return Vertices.mapInPlace(g, c -> {
            double[] w = Gcj02.toWgs84(c.x, c.y);
            return new Coordinate(w[0], w[1]);
        });
    }
}
