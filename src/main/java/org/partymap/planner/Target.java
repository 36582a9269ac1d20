package org.partymap.planner;

import io.javalin.http.Context;
import org.partymap.http.ApiException;
import org.partymap.http.Params;

/**
 * The households a grid should serve: from {@code min} to {@code max} (by default 300–500, the
 * range the district works to). A grid's workload is its households against the middle of the range.
 */
record Target(int min, int max) {

    static final Target DEFAULT = new Target(300, 500);

    static Target of(Context ctx) {
        int min = Params.integer(ctx, "min", DEFAULT.min(), 1, 5000, false);
        int max = Params.integer(ctx, "max", Math.max(min, DEFAULT.max()), 1, 5000, false);
        if (max < min) {
            throw ApiException.badParameter("max", "max (" + max + ") must not be below min (" + min + ")");
        }
        return new Target(min, max);
    }

    double middle() {
        return (min + max) / 2.0;
    }
}
