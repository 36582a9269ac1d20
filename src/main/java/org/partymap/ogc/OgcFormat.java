package org.partymap.ogc;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.partymap.http.Params;

/**
 * JSON or HTML: {@code f=json} or {@code f=html} when given; else HTML only for a client whose
 * Accept header names text/html before any JSON type (a browser), JSON for everyone else (GDAL,
 * QGIS, curl).
 */
enum OgcFormat {
    JSON, HTML;

    static OgcFormat of(Context ctx) {
        ctx.header("Vary", "Accept");
        Optional<String> f = Params.oneOf(ctx, "f", List.of("json", "html"));
        if (f.isPresent()) {
            return f.get().equals("html") ? HTML : JSON;
        }
        String accept = ctx.header("Accept");
        if (accept == null) {
            return JSON;
        }
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("json");
        return html >= 0 && (json < 0 || html < json) ? HTML : JSON;
    }
}
