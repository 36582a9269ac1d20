package org.partymap.street;

import io.javalin.http.Context;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/** {@code GET /api/streets?class=&bbox=}. */
public final class StreetController {

    private final StreetRepository streets;

    public StreetController(StreetRepository streets) {
        this.streets = streets;
    }

    public void list(Context ctx) {
        Responses.geojson(ctx, streets.list(Params.oneOf(ctx, "class", StreetRepository.CLASSES), Params.bbox(ctx)));
    }
}
