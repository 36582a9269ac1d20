package org.partymap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.http.Context;

/** Response helpers: JSON text PostGIS has already written, or Java records written as snake_case JSON. */
public final class Responses {

    public static final String GEOJSON = "application/geo+json";
    /** Records become JSON with snake_case member names, like the JSON PostGIS writes. */
    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Responses() {
    }

    public static void geojson(Context ctx, String body) {
        ctx.contentType(GEOJSON + "; charset=utf-8").result(body);
    }

    public static void json(Context ctx, String body) {
        ctx.contentType("application/json; charset=utf-8").result(body);
    }

    /** Writes a record, list or map as JSON. */
    public static void jsonOf(Context ctx, Object value) {
        json(ctx, toJson(value));
    }

    /** A record, list or map as the JSON text {@link #jsonOf} would answer (for a server-sent event, say). */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
