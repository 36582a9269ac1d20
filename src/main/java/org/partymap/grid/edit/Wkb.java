package org.partymap.grid.edit;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Geometry to and from the database: WKB from {@code ST_AsBinary}, hex EWKB (SRID 4326) to bind as {@code ?::geometry}. */
final class Wkb {

    private Wkb() {
    }

    static Geometry read(byte[] wkb) {
        if (wkb == null) {
            return null;
        }
        try {
            Geometry g = new WKBReader(Shapes.FACTORY).read(wkb);
            g.setSRID(4326);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("the database sent a geometry JTS cannot read: " + e.getMessage(), e);
        }
    }

    static String hex(Geometry g) {
        g.setSRID(4326);
        return WKBWriter.toHex(new WKBWriter(2, true).write(g));
    }
}
