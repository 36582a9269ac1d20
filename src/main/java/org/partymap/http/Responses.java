package org.partymap.http;

import io.javalin.http.Context;

/** Response helpers for bodies that PostGIS has already written as JSON text. */
public final class Responses {

    public static final String GEOJSON = "application/geo+json";

    private Responses() {
    }

    public static void geojson(Context ctx, String body) {
        ctx.contentType(GEOJSON + "; charset=utf-8").result(body);
    }

    public static void json(Context ctx, String body) {
        ctx.contentType("application/json; charset=utf-8").result(body);
    }
}
