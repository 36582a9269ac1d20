package org.partymap.ogc;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.partymap.http.ApiException;
import org.partymap.http.Params;

/**
 * What a request to {@code /ogc/collections/{id}/items} asks for, checked against the collection:
 * a page (limit, offset), a box, a time and equality filters on queryable properties. A parameter
 * that the collection does not offer is a 400, as OGC API - Features requires.
 *
 * @param filters queryable property → the value to match, converted to the property's type
 * @param echo    the parameters to repeat in the links to other pages (all but offset and f)
 */
public record FeatureQuery(int limit, long offset, Optional<Envelope> bbox, Optional<TimeRange> datetime,
                           Map<Property, Object> filters, Map<String, String> echo) {

    public static final int DEFAULT_LIMIT = 100;
    /** Larger limits are clamped to this, not refused. */
    public static final int MAX_LIMIT = 10_000;
    private static final List<String> PAGING = List.of("limit", "offset", "bbox", "f");

    public static FeatureQuery from(Context ctx, OgcCollection c) {
        checkNames(ctx, c);
        var echo = new LinkedHashMap<String, String>();
        int limit = (int) Math.min(number(ctx, "limit", DEFAULT_LIMIT, 1), MAX_LIMIT);
        if (ctx.queryParam("limit") != null) {
            echo.put("limit", Integer.toString(limit));
        }
        long offset = number(ctx, "offset", 0, 0);
        Optional<Envelope> bbox = Params.bbox(ctx, true);
        Params.text(ctx, "bbox", Params.MAX_TEXT).ifPresent(v -> echo.put("bbox", v));
        Optional<String> rawTime = Params.text(ctx, "datetime", Params.MAX_TEXT);
        Optional<TimeRange> datetime = rawTime.map(TimeRange::parse);
        rawTime.ifPresent(v -> echo.put("datetime", v));
        var filters = new LinkedHashMap<Property, Object>();
        for (Property p : c.queryables()) {
            Params.text(ctx, p.name(), Params.MAX_TEXT).ifPresent(v -> {
                filters.put(p, value(p, v));
                echo.put(p.name(), v);
            });
        }
        return new FeatureQuery(limit, offset, bbox, datetime, filters, echo);
    }

    /** The parameters of items requests on this collection. */
    public static List<String> parameterNames(OgcCollection c) {
        var names = new ArrayList<>(PAGING);
        c.time().ifPresent(t -> names.add("datetime"));
        c.queryables().forEach(p -> names.add(p.name()));
        return names;
    }

    private static void checkNames(Context ctx, OgcCollection c) {
        List<String> known = parameterNames(c);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!known.contains(name)) {
                String why = name.equals("datetime")
                        ? "the collection " + c.id() + " has no time, so datetime does not apply"
                        : "unknown parameter " + name + "; the items of " + c.id() + " take " + String.join(", ", known);
                throw ApiException.badParameter(name, why);
            }
        }
    }

    /** A whole number parameter of at least {@code min}; absent gives the fallback, huge ones saturate. */
    private static long number(Context ctx, String name, long fallback, long min) {
        Optional<String> raw = Params.text(ctx, name, 30);
        if (raw.isEmpty()) {
            return fallback;
        }
        if (raw.get().matches("\\+?[0-9]+")) {
            BigInteger value = new BigInteger(raw.get());
            if (value.compareTo(BigInteger.valueOf(min)) >= 0) {
                return value.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            }
        }
        throw ApiException.badParameter(name, name + " must be a whole number of at least " + min + ", not '" + raw.get() + "'");
    }

    private static Object value(Property p, String raw) {
        try {
            return switch (p.type()) {
                case INTEGER -> Long.parseLong(raw);
                case NUMBER -> new BigDecimal(raw);
                case BOOLEAN -> switch (raw) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new NumberFormatException();
                };
                default -> raw;
            };
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(p.name(), p.name() + " is " + p.type().code() + ", so '" + raw + "' cannot match it");
        }
    }
}
