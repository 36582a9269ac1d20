package org.partymap.route;

import java.util.Arrays;

/** A route's vertices as they are collected: consecutive repeats dropped. */
final class RouteLine {

    private double[] xy = new double[64];
    private int size;

    void add(double lon, double lat) {
        if (size > 0 && xy[size - 2] == lon && xy[size - 1] == lat) {
            return;
        }
        if (size == xy.length) {
            xy = Arrays.copyOf(xy, size * 2);
        }
        xy[size++] = lon;
        xy[size++] = lat;
    }

    /** The part of edge {@code e} between two offsets (metres from its first vertex), in the direction given. */
    void partial(StreetGraph g, int e, double fromOffset, double toOffset) {
        int first = g.vertexStart[e];
        int last = g.vertexStart[e + 1] - 1;
        addAt(g, e, fromOffset);
        if (fromOffset <= toOffset) {
            for (int i = first; i <= last; i++) {
                if (g.vCum[i] > fromOffset && g.vCum[i] < toOffset) {
                    add(g.vx[i], g.vy[i]);
                }
            }
        } else {
            for (int i = last; i >= first; i--) {
                if (g.vCum[i] < fromOffset && g.vCum[i] > toOffset) {
                    add(g.vx[i], g.vy[i]);
                }
            }
        }
        addAt(g, e, toOffset);
    }

    private void addAt(StreetGraph g, int e, double offset) {
        int first = g.vertexStart[e];
        int last = g.vertexStart[e + 1] - 1;
        for (int i = first; i < last; i++) {
            if (offset <= g.vCum[i + 1] || i == last - 1) {
                double span = g.vCum[i + 1] - g.vCum[i];
                double t = span == 0 ? 0 : Math.max(0, Math.min(1, (offset - g.vCum[i]) / span));
                add(g.vx[i] + t * (g.vx[i + 1] - g.vx[i]), g.vy[i] + t * (g.vy[i + 1] - g.vy[i]));
                return;
            }
        }
    }

    double[][] toArray() {
        double[][] out = new double[size / 2][];
        for (int i = 0; i < size; i += 2) {
            out[i / 2] = new double[] {xy[i], xy[i + 1]};
        }
        return out;
    }
}
