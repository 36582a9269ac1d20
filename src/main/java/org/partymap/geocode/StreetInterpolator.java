package org.partymap.geocode;

/**
 * Places a house number along a street segment: on the side whose range has the number's parity
 * and contains it, at the fraction of the segment's length that the number has of its range
 * (from the first vertex to the last), and {@code offset} metres off the centre line to that
 * side, where the doors are.
 */
final class StreetInterpolator {

    private StreetInterpolator() {
    }

    /** The point for {@code number} on {@code s}, as {lon, lat}, or null when neither side's range holds it. */
    static double[] locate(Places.Segment s, int number, double offset) {
        int from;
        int to;
        boolean left;
        if (holds(s.leftFrom(), s.leftTo(), number)) {
            from = s.leftFrom();
            to = s.leftTo();
            left = true;
        } else if (holds(s.rightFrom(), s.rightTo(), number)) {
            from = s.rightFrom();
            to = s.rightTo();
            left = false;
        } else {
            return null;
        }
        double t = from == to ? 0.5 : (double) (number - from) / (to - from);
        return along(s.coordinates(), t, left ? offset : -offset);
    }

    static boolean holds(int from, int to, int number) {
        return from > 0 && (number & 1) == (from & 1) && number >= Math.min(from, to) && number <= Math.max(from, to);
    }

    /** The point at fraction t of the line's length, moved {@code offset} metres to its left (negative: right). */
    static double[] along(double[] xy, double t, double offset) {
        double lat0 = xy[1];
        double kx = Metres.perDegreeLon(lat0);
        double ky = Metres.PER_DEGREE_LAT;
        double total = length(xy);
        double target = Math.max(0, Math.min(1, t)) * total;
        double walked = 0;
        int n = xy.length / 2;
        for (int i = 0; i + 1 < n; i++) {
            double dx = (xy[2 * i + 2] - xy[2 * i]) * kx;
            double dy = (xy[2 * i + 3] - xy[2 * i + 1]) * ky;
            double len = Math.hypot(dx, dy);
            if (walked + len >= target || i + 2 == n) {
                double f = len == 0 ? 0 : Math.min(1, (target - walked) / len);
                double x = xy[2 * i] * kx + dx * f;
                double y = xy[2 * i + 1] * ky + dy * f;
                if (len > 0) {
                    x += -dy / len * offset;
                    y += dx / len * offset;
                }
                return new double[] {x / kx, y / ky};
            }
            walked += len;
        }
        return new double[] {xy[0], xy[1]};
    }

    /** Length of a line in metres. */
    static double length(double[] xy) {
        double total = 0;
        for (int i = 0; i + 3 < xy.length; i += 2) {
            total += Metres.distance(xy[i], xy[i + 1], xy[i + 2], xy[i + 3]);
        }
        return total;
    }

    /** The shortest distance in metres from (lon, lat) to the line. */
    static double distanceTo(double[] xy, double lon, double lat) {
        double kx = Metres.perDegreeLon(lat);
        double ky = Metres.PER_DEGREE_LAT;
        double px = lon * kx;
        double py = lat * ky;
        double best = Double.MAX_VALUE;
        for (int i = 0; i + 3 < xy.length; i += 2) {
            double ax = xy[i] * kx;
            double ay = xy[i + 1] * ky;
            double bx = xy[i + 2] * kx;
            double by = xy[i + 3] * ky;
            double dx = bx - ax;
            double dy = by - ay;
            double len2 = dx * dx + dy * dy;
            double f = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
            best = Math.min(best, Math.hypot(ax + f * dx - px, ay + f * dy - py));
        }
        return best;
    }
}
