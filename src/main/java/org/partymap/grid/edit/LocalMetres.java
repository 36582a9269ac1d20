package org.partymap.grid.edit;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.partymap.grid.Measure;

/**
 * A flat plane in metres around a point (a community's centre): east and north of it, scaled by
 * the length of a degree there. Across a community (a few kilometres) it is within a fraction of a
 * per cent of a proper projection, which is all that thresholds of a few metres and square metres
 * need; and it is an affine map, so shapes keep their topology both ways.
 */
final class LocalMetres {

    private final AffineTransformation toMetres;
    private final AffineTransformation toLonLat;

    LocalMetres(Coordinate origin) {
        double ky = Measure.METRES_PER_DEGREE;
        double kx = ky * Math.cos(Math.toRadians(origin.y));
        this.toMetres = new AffineTransformation(kx, 0, -origin.x * kx, 0, ky, -origin.y * ky);
        this.toLonLat = new AffineTransformation(1 / kx, 0, origin.x, 0, 1 / ky, origin.y);
    }

    static LocalMetres around(Envelope e) {
        return new LocalMetres(e.centre());
    }

    Geometry metres(Geometry lonLat) {
        return toMetres.transform(lonLat);
    }

    Coordinate metres(Coordinate lonLat) {
        return toMetres.transform(lonLat, new Coordinate());
    }

    Geometry lonLat(Geometry metres) {
        return toLonLat.transform(metres);
    }

    Coordinate lonLat(Coordinate metres) {
        return toLonLat.transform(metres, new Coordinate());
    }
}
