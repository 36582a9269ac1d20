package org.partymap.orgtree;

import io.javalin.http.Context;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/** {@code GET /api/subdistricts} and {@code GET /api/communities}: public area layers. */
public final class AreaController {

    private final AreaRepository areas;

    public AreaController(AreaRepository areas) {
        this.areas = areas;
    }

    public void subdistricts(Context ctx) {
        Responses.geojson(ctx, areas.subdistricts(Params.bbox(ctx)));
    }

    public void communities(Context ctx) {
        var subdistrict = Params.optionalId(ctx, "subdistrict");
        Responses.geojson(ctx, areas.communities(subdistrict, Params.bbox(ctx)));
    }
}
