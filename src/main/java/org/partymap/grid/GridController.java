package org.partymap.grid;

import io.javalin.http.Context;
import java.util.Locale;
import org.partymap.http.ApiException;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/** {@code /api/grids}, {@code /api/grids/{id}} and {@code /api/locate}. */
public final class GridController {

    private final GridRepository grids;

    public GridController(GridRepository grids) {
        this.grids = grids;
    }

    public void list(Context ctx) {
        Responses.geojson(ctx, grids.list(Params.optionalId(ctx, "community"), Params.optionalId(ctx, "subdistrict"), Params.bbox(ctx)));
    }

    public void detail(Context ctx) {
        int id = Params.id(ctx, "id");
        Responses.geojson(ctx, grids.detail(id)
                .orElseThrow(() -> ApiException.notFound("grid-not-found", "there is no grid " + id)));
    }

    public void locate(Context ctx) {
        double lon = Params.lon(ctx);
        double lat = Params.lat(ctx);
        Responses.json(ctx, grids.locate(lon, lat).orElseThrow(() -> ApiException.notFound("outside-grids",
                String.format(Locale.ROOT, "no grid covers the point %.6f, %.6f", lon, lat))));
    }
}
