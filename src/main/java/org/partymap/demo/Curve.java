package org.partymap.demo;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * A street or a bank drawn as a function on the local plane: x at each y for a line running
 * north-south, y at each x for one running east-west. Sampled every {@link #STEP} metres over the
 * whole plane, so that lines can be blended: a street grown between two axes follows their bends.
 */
final class Curve {

    static final double EXTENT = 6000;
    static final double STEP = 50;
    private static final int SAMPLES = (int) (2 * EXTENT / STEP) + 1;

    final boolean northSouth;
    private final double[] across;

    private Curve(boolean northSouth, double[] across) {
        this.northSouth = northSouth;
        this.across = across;
    }

    static double along(int i) {
        return -EXTENT + i * STEP;
    }

    /**
     * Through control points {along, across} given by rising {@code along}: straight between them,
     * or smooth (Catmull-Rom) when {@code smooth}; flat beyond the first and last.
     */
    static Curve through(boolean northSouth, double[][] points, boolean smooth) {
        double[] a = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double s = along(i);
            int k = 0;
            while (k < points.length - 2 && s > points[k + 1][0]) {
                k++;
            }
            double[] p1 = points[k];
            double[] p2 = points[Math.min(k + 1, points.length - 1)];
            double t = p2[0] == p1[0] ? 0 : Math.max(0, Math.min(1, (s - p1[0]) / (p2[0] - p1[0])));
            if (!smooth || points.length < 3) {
                a[i] = p1[1] + t * (p2[1] - p1[1]);
            } else {
                double p0 = points[Math.max(k - 1, 0)][1];
                double p3 = points[Math.min(k + 2, points.length - 1)][1];
                double t2 = t * t;
                double t3 = t2 * t;
                a[i] = 0.5 * (2 * p1[1] + (-p0 + p2[1]) * t + (2 * p0 - 5 * p1[1] + 4 * p2[1] - p3) * t2
                        + (-p0 + 3 * p1[1] - 3 * p2[1] + p3) * t3);
            }
        }
        return new Curve(northSouth, a);
    }

    /** This curve moved {@code d} metres across (east for north-south curves, north for east-west ones). */
    Curve shifted(double d) {
        return new Curve(northSouth, Arrays.stream(across).map(v -> v + d).toArray());
    }

    /**
     * A curve between a and b at fraction t (0 at a, 1 at b), wobbling by up to {@code amplitude}
     * metres with the given phases, so that grown streets are not ruled lines.
     */
    static Curve between(Curve a, Curve b, double t, double amplitude, double phase1, double phase2) {
        double[] v = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double s = along(i);
            double wobble = amplitude * (0.7 * StrictMath.sin(s / 900 + phase1) + 0.3 * StrictMath.sin(s / 310 + phase2));
            v[i] = (1 - t) * a.across[i] + t * b.across[i] + wobble;
        }
        return new Curve(a.northSouth, v);
    }

    double at(double along) {
        double f = (along + EXTENT) / STEP;
        int i = (int) Math.max(0, Math.min(SAMPLES - 2, Math.floor(f)));
        double t = Math.max(0, Math.min(1, f - i));
        return across[i] + t * (across[i + 1] - across[i]);
    }

    /** The mean distance from this curve to {@code other} over the middle of the plane. */
    double meanGap(Curve other) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < SAMPLES; i++) {
            if (Math.abs(along(i)) <= 5000) {
                sum += other.across[i] - across[i];
                n++;
            }
        }
        return sum / n;
    }

    /** The whole curve as a line in metres, without the vertices a straight stretch does not need. */
    LineString line() {
        Coordinate[] c = new Coordinate[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            c[i] = northSouth ? new Coordinate(across[i], along(i)) : new Coordinate(along(i), across[i]);
        }
        return (LineString) DouglasPeuckerSimplifier.simplify(LocalPlane.METRES.createLineString(c), 0.2);
    }
}
