package org.partymap.grid;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.partymap.http.ApiException;
import org.partymap.http.KeptAnswers;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * {@code /api/grids} and {@code /api/grids/{id}} (bytes kept per layer version, built from the
 * primary) and {@code /api/locate} (read where look-ups read: the replica, when there is one).
 */
public final class GridController {

    static final List<String> LIST_LAYERS = List.of("grid", "community", "subdistrict", "address");
    static final List<String> DETAIL_LAYERS = List.of("grid", "community", "subdistrict", "address", "building", "party_group", "station");

    private final GridRepository layers;
    private final GridRepository lookups;
    private final KeptAnswers kept;

    public GridController(GridRepository layers, GridRepository lookups, KeptAnswers kept) {
        this.layers = layers;
        this.lookups = lookups;
        this.kept = kept;
    }

    public void list(Context ctx) {
        var community = Params.optionalId(ctx, "community");
        var subdistrict = Params.optionalId(ctx, "subdistrict");
        var bbox = Params.bbox(ctx);
        kept.geojson(ctx, "grids?" + community.orElse(null) + "&" + subdistrict.orElse(null) + "&" + bbox.orElse(null), LIST_LAYERS,
                () -> layers.list(community, subdistrict, bbox));
    }

    public void detail(Context ctx) {
        int id = Params.id(ctx, "id");
        // an absent grid is a 404 built anew each time (one look-up by primary key), never kept
        kept.geojson(ctx, "grid/" + id, DETAIL_LAYERS, () -> layers.detail(id)
                .orElseThrow(() -> ApiException.notFound("grid-not-found", "there is no grid " + id)));
    }

    public void locate(Context ctx) {
        double lon = Params.lon(ctx);
        double lat = Params.lat(ctx);
        Responses.json(ctx, lookups.locate(lon, lat).orElseThrow(() -> ApiException.notFound("outside-grids",
                String.format(Locale.ROOT, "no grid covers the point %.6f, %.6f", lon, lat))));
    }
}
