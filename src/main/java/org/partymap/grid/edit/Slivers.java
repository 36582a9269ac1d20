package org.partymap.grid.edit;

import java.util.ArrayList;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * What counts as a sliver, in metres: the thin or tiny pieces that a careless vertex or a boundary
 * drawn a little off the street leaves behind, which nobody can serve and which hide households.
 *
 * <ul>
 * <li>a piece of a grid smaller than {@value #MIN_AREA_M2} m² (a room, not a block), or narrower
 *     than {@value #MIN_WIDTH_M} m everywhere (narrower than a lane: its widest inscribed circle
 *     is under {@value #MIN_WIDTH_M} m across);</li>
 * <li>a spike: a part of a grid narrower than {@value #MIN_WIDTH_M} m, of at least
 *     {@value #SPIKE_AREA_M2} m², that an edit added (what a morphological opening by half that
 *     width removes; the small corners every polygon loses to it are below that area);</li>
 * <li>a gap between grids (or between a grid and the community's boundary) narrower than
 *     {@value #GAP_WIDTH_M} m, found with JTS {@code CoverageGapFinder}, or smaller than
 *     {@value #MIN_AREA_M2} m².</li>
 * </ul>
 */
final class Slivers {

    static final double MIN_AREA_M2 = 50;
    static final double MIN_WIDTH_M = 3;
    static final double SPIKE_AREA_M2 = 15;
    static final double GAP_WIDTH_M = 3;

    private final LocalMetres plane;

    Slivers(LocalMetres plane) {
        this.plane = plane;
    }

    LocalMetres plane() {
        return plane;
    }

    /** Whether a polygon (lon/lat) is a sliver. */
    boolean isSliver(Polygon lonLat) {
        return isThinOrTiny(plane.metres(lonLat));
    }

    /** Whether a polygon in metres is smaller than the least area or narrower than the least width everywhere. */
    static boolean isThinOrTiny(Geometry metres) {
        return metres.getArea() < MIN_AREA_M2 || !hasWidth(metres, MIN_WIDTH_M);
    }

    /**
     * Whether a circle of this diameter fits inside somewhere. Cheap proofs first — the interior
     * point deep enough, then a coarse inscribed circle (its radius is a real one, so a lower bound)
     * — and the fine inscribed circle only when they fail: most grids are hundreds of metres wide,
     * and the fine search on them cost more than the rest of a preview.
     */
    static boolean hasWidth(Geometry metres, double diameter) {
        Point inside = metres.getInteriorPoint();
        if (!inside.isEmpty() && metres.getBoundary().distance(inside) * 2 >= diameter) {
            return true;
        }
        if (2 * MaximumInscribedCircle.getRadiusLine(metres, diameter / 4).getLength() >= diameter) {
            return true;
        }
        return width(metres) >= diameter;
    }

    /** The diameter of the widest circle inside a polygon, in its units (to a twentieth of the least width). */
    static double width(Geometry metres) {
        return 2 * MaximumInscribedCircle.getRadiusLine(metres, MIN_WIDTH_M / 20).getLength();
    }

    /** The parts of a polygon (metres) narrower than the least width: what an opening removes, corners aside. */
    static Geometry thinParts(Geometry metres) {
        double r = MIN_WIDTH_M / 2;
        var params = new BufferParameters(4, BufferParameters.CAP_ROUND, BufferParameters.JOIN_MITRE, 2);
        Geometry opened = BufferOp.bufferOp(BufferOp.bufferOp(metres, -r, params), r, params);
        Geometry residue = metres.difference(opened);
        var big = new ArrayList<Geometry>();
        for (Polygon p : Shapes.parts(residue)) {
            if (p.getArea() >= SPIKE_AREA_M2) {
                big.add(p);
            }
        }
        return metres.getFactory().buildGeometry(big);
    }
}
