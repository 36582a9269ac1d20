package org.partymap.grid;

/**
 * Shares a whole number among parts in proportion to their weights, with a floor and a ceiling for
 * each part: so many grids among communities, party groups among grids. The exact shares are
 * found first (what a part cannot take above its ceiling goes to the others by weight), then each
 * part gets the whole part of its share and the units left go to the largest remainders.
 */
public final class Apportionment {

    private Apportionment() {
    }

    /**
     * @param total   what to share
     * @param weights a weight per part, not negative (where all parts with room weigh nothing,
     *                they share equally)
     * @param min     the least each part gets
     * @param max     the most each part gets
     * @throws IllegalArgumentException when the floors exceed the total or the ceilings fall short of it
     */
    public static int[] share(int total, double[] weights, int[] min, int[] max) {
        int n = weights.length;
        double[] exact = new double[n];
        boolean[] full = new boolean[n];
        double left = total;
        int room = 0;
        for (int i = 0; i < n; i++) {
            if (min[i] > max[i] || weights[i] < 0) {
                throw new IllegalArgumentException("part " + i + ": min " + min[i] + ", max " + max[i] + ", weight " + weights[i]);
            }
            exact[i] = min[i];
            left -= min[i];
            room += max[i] - min[i];
            full[i] = min[i] == max[i];
        }
        if (left < 0 || room < left) {
            throw new IllegalArgumentException("cannot share " + total + " among " + n + " parts within their limits");
        }
        boolean overflow = true;
        while (overflow && left > 1e-9) {
            overflow = false;
            double active = 0;
            int open = 0;
            for (int i = 0; i < n; i++) {
                if (!full[i]) {
                    active += weights[i];
                    open++;
                }
            }
            double given = 0;
            for (int i = 0; i < n; i++) {
                if (full[i]) {
                    continue;
                }
                double add = left * (active > 0 ? weights[i] / active : 1.0 / open);
                if (exact[i] + add >= max[i]) {
                    add = max[i] - exact[i];
                    full[i] = true;
                    overflow = true;
                }
                exact[i] += add;
                given += add;
            }
            left -= given;
        }
        int[] out = new int[n];
        int units = total;
        for (int i = 0; i < n; i++) {
            out[i] = (int) Math.floor(exact[i] + 1e-9);
            units -= out[i];
        }
        while (units > 0) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (out[i] < max[i] && (best < 0 || exact[i] - out[i] > exact[best] - out[best])) {
                    best = i;
                }
            }
            out[best]++;
            units--;
        }
        return out;
    }
}
