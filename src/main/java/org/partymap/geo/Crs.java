package org.partymap.geo;

import java.util.Locale;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
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
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] w = Gcj02.toWgs84(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, w[0]);
                seq.setOrdinate(i, 1, w[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return g;
    }
}
