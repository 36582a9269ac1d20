package org.partymap.grid;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * Lengths and areas in metres for geometries in some coordinate system: planar coordinates that
 * are metres already, or WGS-84 lon/lat measured on a local equirectangular plane (good to a
 * fraction of a per cent across a district, which is all that weighing cuts and workloads needs).
 */
public interface Measure {

    /** Metres per degree of latitude on a sphere of the mean Earth radius. */
    double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    double length(LineString line);

    double area(Geometry polygonal);

    /** Coordinates in metres (a projected CRS such as EPSG:4549). */
    Measure PLANAR = new Measure() {
        @Override
        public double length(LineString line) {
            return line.getLength();
        }

        @Override
        public double area(Geometry polygonal) {
            return polygonal.getArea();
        }
    };

    /** WGS-84 lon/lat. */
    Measure LON_LAT = new Measure() {
        @Override
        public double length(LineString line) {
            Coordinate[] c = line.getCoordinates();
            double sum = 0;
            for (int i = 1; i < c.length; i++) {
                double k = StrictMath.cos(Math.toRadians((c[i].y + c[i - 1].y) / 2));
                double dx = (c[i].x - c[i - 1].x) * k;
                double dy = c[i].y - c[i - 1].y;
                sum += Math.sqrt(dx * dx + dy * dy);
            }
            return sum * METRES_PER_DEGREE;
        }

        @Override
        public double area(Geometry polygonal) {
            double k = StrictMath.cos(Math.toRadians(polygonal.getEnvelopeInternal().centre().y));
            return polygonal.getArea() * k * METRES_PER_DEGREE * METRES_PER_DEGREE;
        }
    };
}
