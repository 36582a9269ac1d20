package org.partymap.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.locationtech.jts.algorithm.MinimumAreaRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.partymap.demo.District.Block;
import org.partymap.demo.District.Side;
import org.partymap.demo.StreetNetwork.Segment;
import org.partymap.street.StreetClass;

/**
 * The geometry of what stands on one block, in metres: the buildable area (the block less the
 * street and its setback, wider for bigger streets), footprints along the streets (shops, houses)
 * with the points and street positions of their doors, rows of slabs facing south (estates), and
 * a few large pads (towers, halls, sheds). Nothing is placed where it would overlap.
 */
final class BlockLayout {

    /** A footprint along a street and its doors: where each is and how far along the street. */
    record Front(Polygon polygon, Side side, List<Coordinate> doors, List<Double> along) {
    }

    /** A slab of an estate: its footprint and the entrance of each unit. */
    record Slab(Polygon polygon, List<Coordinate> entrances) {
    }

    private static final GeometryFactory GF = LocalPlane.METRES;

    private final Block block;
    private final SplittableRandom rnd;
    private final Geometry buildable;
    private final PreparedGeometry prepared;
    private final Quadtree placed = new Quadtree();

    BlockLayout(Block block, SplittableRandom rnd) {
        this.block = block;
        this.rnd = rnd;
        var roads = new ArrayList<Geometry>();
        for (Side s : block.sides) {
            roads.add(LocalPlane.widen(metres(s.segment()), setback(s.segment().streetClass())));
        }
        Geometry taken = GF.buildGeometry(roads).union();
        this.buildable = block.metres.difference(taken);
        this.prepared = PreparedGeometryFactory.prepare(buildable);
    }

    /** Metres from a street's centre line to the front of the buildings along it. */
    static double setback(StreetClass c) {
        return switch (c) {
            case AXIS -> 26;
            case MAIN -> 18;
            case SECONDARY -> 11;
            case LANE -> 4.5;
        };
    }

    double buildableArea() {
        return buildable.getArea();
    }

    private final java.util.Map<Segment, LineString> metresCache = new java.util.HashMap<>();

    private LineString metres(Segment s) {
        return metresCache.computeIfAbsent(s, k -> (LineString) LocalPlane.toMetres(k.geom));
    }

    /**
     * Footprints along the sides that {@code which} accepts, {@code depth} deep, {@code minW} to
     * {@code maxW} wide with gaps between, each with a door every {@code doorWidth} metres.
     */
    List<Front> frontage(Predicate<Side> which, double depth, double minW, double maxW, double minGap, double maxGap,
                         double doorWidth, double corner) {
        var out = new ArrayList<Front>();
        for (Side side : block.sides) {
            if (!which.test(side)) {
                continue;
            }
            Coordinate[] c = metres(side.segment()).getCoordinates();
            double offset = setback(side.segment().streetClass()) + 0.6;
            double before = 0;
            for (int i = 0; i + 1 < c.length; i++) {
                double len = c[i].distance(c[i + 1]);
                double ux = (c[i + 1].x - c[i].x) / len;
                double uy = (c[i + 1].y - c[i].y) / len;
                double nx = side.left() ? -uy : uy;
                double ny = side.left() ? ux : -ux;
                double t = corner + rnd.nextDouble(0, 4);
                while (t + minW <= len - corner) {
                    double w = Math.min(rnd.nextDouble(minW, maxW), len - corner - t);
                    Polygon rect = rectangle(c[i], ux, uy, nx, ny, t, w, offset, depth);
                    if (fits(rect, 1.5)) {
                        place(rect);
                        int doors = Math.max(1, (int) Math.round(w / doorWidth));
                        var points = new ArrayList<Coordinate>();
                        var along = new ArrayList<Double>();
                        for (int k = 0; k < doors; k++) {
                            double s = t + (k + 0.5) * w / doors;
                            points.add(new Coordinate(c[i].x + ux * s + nx * (offset + 1), c[i].y + uy * s + ny * (offset + 1)));
                            along.add(side.segment().from + before + s);
                        }
                        out.add(new Front(rect, side, points, along));
                        t += w + rnd.nextDouble(minGap, maxGap);
                    } else {
                        t += 4;
                    }
                }
                before += len;
            }
        }
        return out;
    }

    private static Polygon rectangle(Coordinate o, double ux, double uy, double nx, double ny, double t, double w,
                                     double offset, double depth) {
        Coordinate a = new Coordinate(o.x + ux * t + nx * offset, o.y + uy * t + ny * offset);
        Coordinate b = new Coordinate(a.x + ux * w, a.y + uy * w);
        Coordinate cc = new Coordinate(b.x + nx * depth, b.y + ny * depth);
        Coordinate d = new Coordinate(a.x + nx * depth, a.y + ny * depth);
        return GF.createPolygon(new Coordinate[] {a, b, cc, d, a.copy()});
    }

    /**
     * Rows of slabs facing south in what is still free: {@code depth} deep, {@code unitWidth} per
     * unit, one row every {@code pitch} metres, {@code gap} between slabs, {@code clearance} from
     * anything already placed; at most {@code max} of them, from the north-west.
     */
    List<Slab> rows(double depth, double unitWidth, int minUnits, int maxUnits, double pitch, double gap, double clearance,
                    int max) {
        double angle = southFacing();
        Coordinate centre = block.metres.getCentroid().getCoordinate();
        var toLocal = LocalPlane.rotation(-angle, centre.x, centre.y);
        var toWorld = LocalPlane.rotation(angle, centre.x, centre.y);
        Geometry local = toLocal.transform(buildable);
        var env = local.getEnvelopeInternal();
        var out = new ArrayList<Slab>();
        for (double y = env.getMaxY() - depth - rnd.nextDouble(2, 8); y >= env.getMinY() && out.size() < max; y -= pitch) {
            int units = rnd.nextInt(minUnits, maxUnits + 1);
            double x = env.getMinX() + rnd.nextDouble(0, 6);
            while (x + units * unitWidth <= env.getMaxX() && out.size() < max) {
                double len = units * unitWidth;
                Polygon rect = GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + len, y),
                        new Coordinate(x + len, y + depth), new Coordinate(x, y + depth), new Coordinate(x, y)});
                Polygon world = (Polygon) toWorld.transform(rect);
                if (fits(world, clearance)) {
                    place(world);
                    var doors = new ArrayList<Coordinate>();
                    for (int u = 0; u < units; u++) {
                        Coordinate p = new Coordinate(x + (u + 0.5) * unitWidth, y + depth - 1.5);
                        toWorld.transform(p, p);
                        doors.add(p);
                    }
                    out.add(new Slab(world, doors));
                    x += len + gap;
                    units = rnd.nextInt(minUnits, maxUnits + 1);
                } else {
                    x += 4;
                }
            }
        }
        return out;
    }

    /** Up to {@code max} pads of w by h metres, nearest the middle of the block first. */
    List<Polygon> pads(double w, double h, int max, double clearance) {
        double angle = southFacing();
        Coordinate centre = block.metres.getCentroid().getCoordinate();
        var toWorld = LocalPlane.rotation(angle, centre.x, centre.y);
        var out = new ArrayList<Polygon>();
        var candidates = new ArrayList<double[]>();
        for (double dx = -260; dx <= 260; dx += 20) {
            for (double dy = -260; dy <= 260; dy += 20) {
                candidates.add(new double[] {dx, dy, StrictMath.hypot(dx, dy)});
            }
        }
        candidates.sort((p, q) -> Double.compare(p[2], q[2]));
        for (double[] c : candidates) {
            if (out.size() >= max) {
                break;
            }
            double x = centre.x + c[0] - w / 2;
            double y = centre.y + c[1] - h / 2;
            Polygon rect = GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + w, y),
                    new Coordinate(x + w, y + h), new Coordinate(x, y + h), new Coordinate(x, y)});
            Polygon world = (Polygon) toWorld.transform(rect);
            if (fits(world, clearance)) {
                place(world);
                out.add(world);
            }
        }
        return out;
    }

    /** The direction of the block's oriented rectangle that lies nearest east-west, in radians. */
    private double southFacing() {
        LineString diameter = MinimumAreaRectangle.getMinimumRectangle(block.metres) instanceof Polygon r
                ? r.getExteriorRing() : null;
        if (diameter == null) {
            return 0;
        }
        Coordinate a = diameter.getCoordinateN(0);
        Coordinate b = diameter.getCoordinateN(1);
        double angle = StrictMath.atan2(b.y - a.y, b.x - a.x);
        while (angle > Math.PI / 4) {
            angle -= Math.PI / 2;
        }
        while (angle <= -Math.PI / 4) {
            angle += Math.PI / 2;
        }
        return angle;
    }

    private boolean fits(Polygon rect, double clearance) {
        if (!prepared.containsProperly(rect)) {
            return false;
        }
        var env = rect.getEnvelopeInternal();
        env.expandBy(clearance);
        for (Object o : placed.query(env)) {
            if (((Polygon) o).isWithinDistance(rect, clearance)) {
                return false;
            }
        }
        return true;
    }

    private void place(Polygon p) {
        placed.insert(p.getEnvelopeInternal(), p);
    }

    Geometry buildable() {
        return buildable;
    }
}
