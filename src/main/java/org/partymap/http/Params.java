package org.partymap.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads query parameters strictly: a value that is present must be well formed, or the request
 * fails with a 400 that names the parameter. Coordinates are lon/lat in WGS-84 degrees.
 */
public final class Params {

    /** Plain decimal notation; compiled once, since every coordinate of every request is checked. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9.eE+-]+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    /** Longest accepted text parameter, before any feature-specific limit. */
    public static final int MAX_TEXT = 200;

    private Params() {
    }

    public static double lon(Context ctx) {
        return coordinate(ctx, "lon", -180, 180);
    }

    public static double lat(Context ctx) {
        return coordinate(ctx, "lat", -90, 90);
    }

    /** A required number within [min, max]. */
    public static double coordinate(Context ctx, String name, double min, double max) {
        String raw = required(ctx, name);
        double value = parseDouble(name, raw);
        if (value < min || value > max) {
            throw ApiException.badParameter(name, name + " must be between " + min + " and " + max + ", not " + raw);
        }
        return value;
    }

    /** An optional whole number; absent gives the fallback, out of range fails or is clamped. */
    public static int integer(Context ctx, String name, int fallback, int min, int max, boolean clamp) {
        Optional<String> raw = text(ctx, name, 20);
        if (raw.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(ascii(raw.get()));
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, name + " must be a whole number, not '" + raw.get() + "'");
        }
        if (value < min || value > max) {
            if (clamp) {
                return Math.max(min, Math.min(max, value));
            }
            throw ApiException.badParameter(name, name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** An optional text parameter, stripped; blank counts as absent. */
    public static Optional<String> text(Context ctx, String name, int maxLength) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw ApiException.badParameter(name, name + " is given " + values.size() + " times; give it once");
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String value = values.get(0).strip();
        if (value.length() > maxLength) {
            throw ApiException.badParameter(name, name + " is longer than " + maxLength + " characters");
        }
        if (value.chars().anyMatch(ch -> ch < 0x20 || ch == 0xFFFD)) {
            throw ApiException.badParameter(name, name + " contains control characters or invalid UTF-8");
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** An optional value from a fixed set. */
    public static Optional<String> oneOf(Context ctx, String name, List<String> allowed) {
        Optional<String> value = text(ctx, name, MAX_TEXT);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw ApiException.badParameter(name, name + " must be one of " + String.join(", ", allowed) + ", not '" + value.get() + "'");
        }
        return value;
    }

    /** {@code bbox=minLon,minLat,maxLon,maxLat} in WGS-84 degrees. */
    public static Optional<Envelope> bbox(Context ctx) {
        return bbox(ctx, false);
    }

    /**
     * {@code bbox=minLon,minLat,maxLon,maxLat} in WGS-84 degrees; with {@code allowHeights} also
     * the six-number form {@code minLon,minLat,minHeight,maxLon,maxLat,maxHeight} of OGC API -
     * Features, whose heights are checked and then ignored (every layer is flat).
     */
    public static Optional<Envelope> bbox(Context ctx, boolean allowHeights) {
        Optional<String> raw = text(ctx, "bbox", MAX_TEXT);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = raw.get().split(",", -1);
        if (parts.length != 4 && !(allowHeights && parts.length == 6)) {
            throw ApiException.badParameter("bbox", "bbox must be minLon,minLat,maxLon,maxLat (four numbers"
                    + (allowHeights ? ", or six with heights" : "") + "), not '" + raw.get() + "'");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = parseDouble("bbox", parts[i].strip());
        }
        int max = parts.length / 2;
        if (v[0] < -180 || v[max] > 180 || v[1] < -90 || v[max + 1] > 90) {
            throw ApiException.badParameter("bbox", "bbox lies outside -180..180 / -90..90");
        }
        for (int i = 0; i < max; i++) {
            if (v[i] > v[max + i]) {
                throw ApiException.badParameter("bbox", "bbox must give the minimum before the maximum: minLon,minLat,maxLon,maxLat");
            }
        }
        return Optional.of(new Envelope(v[0], v[max], v[1], v[max + 1]));
    }

    /** A path parameter that must be a positive id. */
    public static int id(Context ctx, String name) {
        return positiveId(name, ctx.pathParam(name));
    }

    /** A path parameter that must be a positive long id (questions, residents). */
    public static long longId(Context ctx, String name) {
        return positive(name, ctx.pathParam(name), Long.MAX_VALUE);
    }

    /** An optional query parameter that must be a positive id when present. */
    public static Optional<Integer> optionalId(Context ctx, String name) {
        return text(ctx, name, 12).map(raw -> positiveId(name, raw));
    }

    /** An optional query parameter that must be a positive long id (audit entries, residents) when present. */
    public static Optional<Long> optionalLongId(Context ctx, String name) {
        return text(ctx, name, 19).map(raw -> positive(name, raw, Long.MAX_VALUE));
    }

    private static int positiveId(String name, String raw) {
        return (int) positive(name, raw, Integer.MAX_VALUE);
    }

    private static long positive(String name, String raw, long max) {
        try {
            long value = Long.parseLong(ascii(raw));
            if (value > 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badParameter(name, name + " must be a positive whole number, not '" + raw + "'");
    }

    /** Java reads any Unicode digit (１２ is 12); an API parameter is written by programs, in ASCII. */
    private static String ascii(String raw) {
        if (!INTEGER.matcher(raw).matches()) {
            throw new NumberFormatException(raw);
        }
        return raw;
    }

    public static String required(Context ctx, String name) {
        return text(ctx, name, MAX_TEXT).orElseThrow(() -> ApiException.badParameter(name, name + " is required"));
    }

    private static double parseDouble(String name, String raw) {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, name + " must be a number, not '" + raw + "'");
        }
        if (!Double.isFinite(value) || !DECIMAL.matcher(raw).matches()) {
            throw ApiException.badParameter(name, name + " must be a finite decimal number, not '" + raw + "'");
        }
        return value;
    }
}
