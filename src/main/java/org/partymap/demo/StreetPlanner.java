package org.partymap.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.partymap.demo.PlannedLine.Role;

/**
 * Streets first: lays out the demo city's street network on the local plane. The skeleton
 * (ring roads, axes, the canal with a road on each bank, a diagonal avenue) comes from
 * {@code skeleton.csv}; main streets are grown between neighbouring skeleton lines, secondary
 * streets between those, and lanes between those in the old town, each following the bends of its
 * neighbours and wobbling a little. Grown streets are cut where they cross the streets of the level
 * above, and each stretch is kept or dropped at random (fewer kept towards the edge of town), so
 * that blocks differ in size and many junctions are T-junctions; some lanes end blind. Secondary
 * streets and lanes stop at the canal; axes and main streets cross it on bridges.
 */
final class StreetPlanner {

    /** The planned lines and the canal's water, in metres. */
    record Plan(List<PlannedLine> lines, Geometry canal, String canalName) {
    }

    private static final double BANK_OFFSET = 45;
    private static final double CANAL_HALF_WIDTH = 20;

    /** A skeleton or grown curve and what it is. */
    private record Member(Curve curve, Role role, String name) {
    }

    private final DemoInputs inputs;
    private final CityZones zones;
    private final SplittableRandom rnd;
    private final List<PlannedLine> lines = new ArrayList<>();
    private Curve bankWest;
    private Curve bankEast;
    /** The curves so far, north-south and east-west, between which the next level grows. */
    private final List<Member> ns = new ArrayList<>();
    private final List<Member> ew = new ArrayList<>();
    /** The streets so far, where the next level's north-south and east-west streets stop. */
    private final List<LineString> stopNs = new ArrayList<>();
    private final List<LineString> stopEw = new ArrayList<>();
    private List<LineString> banks;

    StreetPlanner(DemoInputs inputs, CityZones zones, SplittableRandom rnd) {
        this.inputs = inputs;
        this.zones = zones;
        this.rnd = rnd;
    }

    Plan plan() {
        var frameNs = new ArrayList<LineString>();
        var frameEw = new ArrayList<LineString>();
        String canalName = null;
        Curve canal = null;
        String[] diagonal = null;
        for (String[] row : inputs.rows("skeleton.csv")) {
            String role = row[0];
            if (role.equals("diagonal")) {
                diagonal = row;
                continue;
            }
            boolean northSouth = row[2].equals("ns");
            double[][] pts = points(row[4]);
            if (northSouth) {
                // given as "x y" by rising y: along is y, across is x
                pts = Arrays.stream(pts).map(p -> new double[] {p[1], p[0]}).toArray(double[][]::new);
            }
            Curve c = Curve.through(northSouth, pts, role.equals("canal"));
            if (role.equals("canal")) {
                canal = c;
                canalName = row[1];
                String[] banks = row[3].split("\\|");
                bankWest = c.shifted(-BANK_OFFSET);
                bankEast = c.shifted(BANK_OFFSET);
                ns.add(new Member(bankWest, Role.BANK, banks[0]));
                ns.add(new Member(bankEast, Role.BANK, banks[1]));
                continue;
            }
            Role r = role.equals("frame") ? Role.FRAME : Role.AXIS;
            (northSouth ? ns : ew).add(new Member(c, r, row[1]));
            if (r == Role.FRAME) {
                (northSouth ? frameNs : frameEw).add(c.line());
            }
        }
        if (canal == null || diagonal == null || frameNs.size() != 2 || frameEw.size() != 2) {
            throw new IllegalStateException("skeleton.csv needs two ns and two ew frame roads, a canal and a diagonal");
        }
        // the skeleton itself: every line cut where it meets the ring roads across it
        List<LineString> axesNs = skeleton(ns, frameEw);
        List<LineString> axesEw = skeleton(ew, frameNs);
        var all = new ArrayList<LineString>();
        all.addAll(axesNs);
        all.addAll(axesEw);
        LineString diag = LocalPlane.METRES.createLineString(Arrays.stream(points(diagonal[4]))
                .map(p -> new Coordinate(p[0], p[1])).toArray(Coordinate[]::new));
        LineString diagonalLine = firstToLast(diag, all);
        add(Role.DIAGONAL, diagonalLine, diagonal[1]);

        ns.sort(Comparator.comparingDouble(m -> m.curve.at(0)));
        ew.sort(Comparator.comparingDouble(m -> m.curve.at(0)));
        stopNs.addAll(axesNs);
        stopNs.add(diagonalLine);
        stopEw.addAll(axesEw);
        stopEw.add(diagonalLine);
        banks = List.of(bankWest.line(), bankEast.line());
        // each level grows between the lines of those above it, and stops where it meets them
        level(Role.MAIN, inputs.number("main_spacing"), 18, 0.97, 0.86, true, m -> true);
        level(Role.SECONDARY, inputs.number("secondary_spacing"), 8, 0.95, 0.86, false, m -> true);
        level(Role.LANE, inputs.number("lane_spacing"), 4, 0.62, 0.62, false, m -> zones.oldTown(m.x, m.y));

        Geometry water = canalWater(canal);
        return new Plan(List.copyOf(lines), water, canalName);
    }

    private static double[][] points(String text) {
        return Arrays.stream(text.split(";")).map(p -> Arrays.stream(p.strip().split("\\s+"))
                .mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
    }

    /** Lines of the skeleton, cut at the ring roads across them. */
    private List<LineString> skeleton(List<Member> members, List<LineString> across) {
        var out = new ArrayList<LineString>();
        for (Member m : members) {
            LineString piece = firstToLast(m.curve.line(), across);
            add(m.role, piece, m.name);
            out.add(piece);
        }
        return out;
    }

    /**
     * One level of streets in both directions: grown between the members so far, cut where they
     * cross the levels above, kept where {@code where} holds; east-west streets that do not
     * {@code bridge} stop at the canal's banks. Kept streets become stoppers for the levels below,
     * grown curves members between which they grow.
     */
    private void level(Role role, double spacing, double wobble, double inner, double outer, boolean bridge,
                       Predicate<Coordinate> where) {
        var grownNs = grow(ns, spacing, wobble);
        var grownEw = grow(ew, spacing, wobble);
        var keptNs = place(grownNs, role, stopEw, inner, outer, where);
        var stopForEw = new ArrayList<>(stopNs);
        if (!bridge) {
            stopForEw.addAll(banks);
        }
        var keptEw = place(grownEw, role, stopForEw, inner, outer, m -> where.test(m) && (bridge || !inCanal(m)));
        stopNs.addAll(keptNs);
        stopEw.addAll(keptEw);
        ns.addAll(grownNs);
        ew.addAll(grownEw);
        ns.sort(Comparator.comparingDouble(m -> m.curve.at(0)));
        ew.sort(Comparator.comparingDouble(m -> m.curve.at(0)));
    }

    /** Grown curves between neighbouring members, about {@code spacing} metres apart. */
    private List<Member> grow(List<Member> members, double spacing, double wobble) {
        var out = new ArrayList<Member>();
        for (int i = 0; i + 1 < members.size(); i++) {
            Member a = members.get(i);
            Member b = members.get(i + 1);
            if (a.role == Role.BANK && b.role == Role.BANK) {
                continue;
            }
            double gap = a.curve.meanGap(b.curve);
            int count = (int) Math.round(gap / spacing) - 1;
            for (int k = 1; k <= count; k++) {
                double t = (k + rnd.nextDouble(-0.12, 0.12)) / (count + 1);
                out.add(new Member(Curve.between(a.curve, b.curve, t, wobble, rnd.nextDouble(0, 6.3), rnd.nextDouble(0, 6.3)),
                        null, null));
            }
        }
        return out;
    }

    /**
     * Cuts each grown curve where it crosses {@code stoppers}, keeps stretches at random (with
     * {@code inner} chance in the middle of town, {@code outer} at its edge) where {@code where}
     * holds for their middle, and adds each run of kept stretches as one street.
     */
    private List<LineString> place(List<Member> grown, Role role, List<LineString> stoppers, double inner, double outer,
                                   Predicate<Coordinate> where) {
        var kept = new ArrayList<LineString>();
        for (Member m : grown) {
            LineString line = m.curve.line();
            double[] cuts = crossings(line, stoppers);
            var index = new LengthIndexedLine(line);
            double runStart = -1;
            for (int k = 0; k + 1 < cuts.length; k++) {
                Coordinate mid = index.extractPoint((cuts[k] + cuts[k + 1]) / 2);
                double p = outer + (inner - outer) * zones.urbanity(mid.x, mid.y);
                boolean keep = where.test(mid) && rnd.nextDouble() < p;
                if (keep && runStart < 0) {
                    runStart = cuts[k];
                }
                if (runStart >= 0 && (!keep || k + 2 == cuts.length)) {
                    double end = keep ? cuts[k + 1] : cuts[k];
                    kept.add(run(index, role, runStart, end));
                    runStart = -1;
                }
            }
        }
        return kept;
    }

    /** Adds one run; a lane of one stretch sometimes ends blind. */
    private LineString run(LengthIndexedLine index, Role role, double from, double to) {
        if (role == Role.LANE && rnd.nextDouble() < 0.22 && to - from > 90) {
            double cut = (to - from) * rnd.nextDouble(0.45, 0.75);
            if (rnd.nextBoolean()) {
                to = from + cut;
            } else {
                from = to - cut;
            }
        }
        LineString piece = (LineString) index.extractLine(from, to);
        add(role, piece, null);
        return piece;
    }

    private boolean inCanal(Coordinate c) {
        return c.x > bankWest.at(c.y) && c.x < bankEast.at(c.y);
    }

    /** Distances along {@code line} at which it crosses any of {@code others}, ascending. */
    static double[] crossings(LineString line, List<LineString> others) {
        var index = new LengthIndexedLine(line);
        var found = new ArrayList<Double>();
        for (LineString o : others) {
            if (!o.getEnvelopeInternal().intersects(line.getEnvelopeInternal())) {
                continue;
            }
            Geometry x = line.intersection(o);
            for (int i = 0; i < x.getNumGeometries(); i++) {
                if (x.getGeometryN(i) instanceof Point p) {
                    found.add(index.project(p.getCoordinate()));
                }
            }
        }
        found.sort(Double::compare);
        var out = new ArrayList<Double>();
        for (double d : found) {
            if (out.isEmpty() || d - out.get(out.size() - 1) > 0.5) {
                out.add(d);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The part of a line between its first and last crossing with {@code others}. */
    private static LineString firstToLast(LineString line, List<LineString> others) {
        double[] c = crossings(line, others);
        if (c.length < 2) {
            throw new IllegalStateException("a skeleton line does not reach across the district: " + line);
        }
        return (LineString) new LengthIndexedLine(line).extractLine(c[0], c[c.length - 1]);
    }

    private void add(Role role, LineString geom, String name) {
        lines.add(new PlannedLine(lines.size() + 1, role, geom, name));
    }

    private static Geometry canalWater(Curve canal) {
        int n = (int) (2 * Curve.EXTENT / Curve.STEP) + 1;
        Coordinate[] ring = new Coordinate[2 * n + 1];
        for (int i = 0; i < n; i++) {
            double y = Curve.along(i);
            ring[i] = new Coordinate(canal.at(y) - CANAL_HALF_WIDTH, y);
            ring[2 * n - 1 - i] = new Coordinate(canal.at(y) + CANAL_HALF_WIDTH, y);
        }
        ring[2 * n] = ring[0];
        return LocalPlane.METRES.createPolygon(ring);
    }
}
