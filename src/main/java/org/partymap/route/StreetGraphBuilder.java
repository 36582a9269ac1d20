package org.partymap.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.snapround.SnapRoundingNoder;

/**
 * Builds a {@link StreetGraph} from street centre lines. Streets are stored noded (a segment
 * ends where it meets another), but the builder does not rely on it: the lines are noded again by
 * snap-rounding to a grid of 1e-7 degrees (about a centimetre), so that streets which cross or
 * end on one another mid-segment still meet in a node (the sample layers, drawn by hand, are not
 * noded), and endpoints that round to the same point are one node.
 */
public final class StreetGraphBuilder {

    private static final PrecisionModel CENTIMETRE = new PrecisionModel(1e7);

    private StreetGraphBuilder() {
    }

    public static StreetGraph build(List<StreetLine> lines, long version) {
        var names = new ArrayList<String>();
        var nameIndex = new HashMap<String, Integer>();
        var strings = new ArrayList<NodedSegmentString>();
        for (StreetLine line : lines) {
            Coordinate[] coords = new Coordinate[line.coordinates().length];
            for (int i = 0; i < coords.length; i++) {
                coords[i] = new Coordinate(line.coordinates()[i][0], line.coordinates()[i][1]);
            }
            coords = CoordinateArrays.removeRepeatedPoints(coords);
            if (coords.length < 2) {
                continue;
            }
            int name = nameIndex.computeIfAbsent(line.name(), n -> {
                names.add(n);
                return names.size() - 1;
            });
            strings.add(new NodedSegmentString(coords, name));
        }
        var noder = new SnapRoundingNoder(CENTIMETRE);
        noder.computeNodes(strings);
        @SuppressWarnings("unchecked")
        var parts = (java.util.Collection<NodedSegmentString>) noder.getNodedSubstrings();
        return assemble(parts, names.toArray(String[]::new), version);
    }

    private static StreetGraph assemble(java.util.Collection<NodedSegmentString> parts, String[] names, long version) {
        Map<Coordinate, Integer> nodes = new HashMap<>();
        var nodeLon = new DoubleList();
        var nodeLat = new DoubleList();
        var from = new IntList();
        var to = new IntList();
        var street = new IntList();
        var start = new IntList();
        var vx = new DoubleList();
        var vy = new DoubleList();
        var cum = new DoubleList();
        for (NodedSegmentString part : parts) {
            Coordinate[] c = CoordinateArrays.removeRepeatedPoints(part.getCoordinates());
            if (c.length < 2) {
                continue;
            }
            int a = node(nodes, c[0], nodeLon, nodeLat);
            int b = node(nodes, c[c.length - 1], nodeLon, nodeLat);
            from.add(a);
            to.add(b);
            street.add((Integer) part.getData());
            start.add(vx.size());
            double along = 0;
            for (int i = 0; i < c.length; i++) {
                if (i > 0) {
                    along += GroundDistance.metres(c[i - 1].x, c[i - 1].y, c[i].x, c[i].y);
                }
                vx.add(c[i].x);
                vy.add(c[i].y);
                cum.add(along);
            }
        }
        start.add(vx.size());
        return new StreetGraph(nodeLon.toArray(), nodeLat.toArray(), from.toArray(), to.toArray(), street.toArray(),
                start.toArray(), vx.toArray(), vy.toArray(), cum.toArray(), names, version);
    }

    private static int node(Map<Coordinate, Integer> nodes, Coordinate c, DoubleList lon, DoubleList lat) {
        return nodes.computeIfAbsent(new Coordinate(c.x, c.y), k -> {
            lon.add(c.x);
            lat.add(c.y);
            return lon.size() - 1;
        });
    }

    /** A growable array of doubles without boxing. */
    private static final class DoubleList {
        private double[] values = new double[1024];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /** A growable array of ints without boxing. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
