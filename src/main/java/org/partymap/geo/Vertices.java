package org.partymap.geo;

import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** Moving every vertex of a geometry by one function of its position: datum shifts, projections, snapping. */
public final class Vertices {

    private Vertices() {
    }

    /** Replaces the x and y of every vertex of {@code g} by those of {@code f} applied to it, in place; answers {@code g}. */
    public static <T extends Geometry> T mapInPlace(T g, UnaryOperator<Coordinate> f) {
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                Coordinate to = f.apply(seq.getCoordinate(i));
                seq.setOrdinate(i, 0, to.x);
                seq.setOrdinate(i, 1, to.y);
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
