package org.partymap.db;

import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * The optional bounding-box condition of list queries. Use {@link #SQL} with the geometry column
 * {@code geom} in the WHERE clause and bind {@link #params} in its place.
 */
public final class BboxFilter {

    /** True when no box is given (the first parameter is false), else whether {@code geom}'s box meets it. */
    public static final String SQL =
            "(NOT ?::boolean OR geom && ST_MakeEnvelope(?::float8, ?::float8, ?::float8, ?::float8, 4326))";

    private BboxFilter() {
    }

    public static Object[] params(Optional<Envelope> bbox) {
        if (bbox.isEmpty()) {
            return new Object[] {false, null, null, null, null};
        }
        Envelope e = bbox.get();
        return new Object[] {true, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }

    /** Joins parameter lists in the order their placeholders appear. */
    public static Object[] concat(Object[]... groups) {
        int n = 0;
        for (Object[] g : groups) {
            n += g.length;
        }
        Object[] out = new Object[n];
        int i = 0;
        for (Object[] g : groups) {
            System.arraycopy(g, 0, out, i, g.length);
            i += g.length;
        }
        return out;
    }
}
