package org.partymap.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.partymap.geo.Vertices;

/**
 * The flat plane the demo district is drawn on: metres east ({@code x}) and north ({@code y}) of
 * lon 120.16, lat 33.38 (WGS-84), scaled by the meridian and prime-vertical radii of the WGS-84
 * ellipsoid at that latitude.
 *
 * <p>Why not EPSG:4549 through proj4j: a linear map is exact arithmetic, so it gives the same bits
 * on every machine (Java's {@code Math.sin} may differ in the last bit between platforms, and the
 * output must be byte-identical), and across the 11 km of the district it differs from a proper
 * projection by less than 0.1 %, which the generated city does not notice. Everything is drawn in
 * metres and turned into lon/lat once, rounded to 7 decimals (about 1 cm).
 */
final class LocalPlane {

    static final double LON0 = 120.16;
    static final double LAT0 = 33.38;
    /** Storage precision: 7 decimals of a degree. */
    static final PrecisionModel PRECISION = new PrecisionModel(1e7);
    static final GeometryFactory LON_LAT = new GeometryFactory(PRECISION, 4326);
    static final GeometryFactory METRES = new GeometryFactory(new PrecisionModel(), 0);

    private static final double A = 6_378_137.0;
    private static final double E2 = 0.00669437999014;
    /** Metres per degree of longitude and of latitude at LAT0. */
    static final double M_LON;
    static final double M_LAT;

    static {
        double phi = Math.toRadians(LAT0);
        double s = StrictMath.sin(phi);
        double w = Math.sqrt(1 - E2 * s * s);
        M_LAT = A * (1 - E2) / (w * w * w) * Math.PI / 180;
        M_LON = A / w * StrictMath.cos(phi) * Math.PI / 180;
    }

    private LocalPlane() {
    }

    static double lon(double x) {
        return LON0 + x / M_LON;
    }

    static double lat(double y) {
        return LAT0 + y / M_LAT;
    }

    static double x(double lon) {
        return (lon - LON0) * M_LON;
    }

    static double y(double lat) {
        return (lat - LAT0) * M_LAT;
    }

    /** A lon/lat copy, unrounded (for noding, which rounds). */
    static Geometry toLonLatExact(Geometry metres) {
        return Vertices.mapInPlace(LON_LAT.createGeometry(metres), m -> new Coordinate(lon(m.x), lat(m.y)));
    }

    /** A lon/lat copy rounded to 7 decimals. */
    static Geometry toLonLat(Geometry metres) {
        return Vertices.mapInPlace(LON_LAT.createGeometry(metres), LocalPlane::toLonLat);
    }

    static Coordinate toLonLat(Coordinate m) {
        return new Coordinate(round(lon(m.x)), round(lat(m.y)));
    }

    /** A copy in metres. */
    static Geometry toMetres(Geometry lonLat) {
        return Vertices.mapInPlace(METRES.createGeometry(lonLat), LocalPlane::toMetres);
    }

    static Coordinate toMetres(Coordinate c) {
        return new Coordinate(x(c.x), y(c.y));
    }

    /**
     * A buffer with bevelled joins and flat ends: drawn with arithmetic only, without the sines and
     * arc tangents of round joins, whose last bit may differ between platforms.
     */
    static Geometry widen(Geometry g, double distance) {
        var p = new BufferParameters(1, BufferParameters.CAP_FLAT, BufferParameters.JOIN_BEVEL, 1);
        return BufferOp.bufferOp(g, distance, p);
    }

    /** A rotation by {@code angle} radians about (x, y), with sines from {@link StrictMath}. */
    static AffineTransformation rotation(double angle, double x, double y) {
        return AffineTransformation.rotationInstance(StrictMath.sin(angle), StrictMath.cos(angle), x, y);
    }

    static double round(double degrees) {
        return PRECISION.makePrecise(degrees);
    }
}
