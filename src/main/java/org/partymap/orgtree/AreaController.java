package org.partymap.orgtree;

import io.javalin.http.Context;
import java.util.List;
import org.partymap.http.KeptAnswers;
import org.partymap.http.Params;

/** {@code GET /api/subdistricts} and {@code GET /api/communities}: public area layers, bytes kept per layer version. */
public final class AreaController {

    static final List<String> LAYERS = List.of("subdistrict", "community", "grid");

    private final AreaRepository areas;
    private final KeptAnswers kept;

    public AreaController(AreaRepository areas, KeptAnswers kept) {
        this.areas = areas;
        this.kept = kept;
    }

    public void subdistricts(Context ctx) {
        var bbox = Params.bbox(ctx);
        kept.geojson(ctx, "subdistricts?" + bbox.orElse(null), LAYERS, () -> areas.subdistricts(bbox));
    }

    public void communities(Context ctx) {
        var subdistrict = Params.optionalId(ctx, "subdistrict");
        var bbox = Params.bbox(ctx);
        kept.geojson(ctx, "communities?" + subdistrict.orElse(null) + "&" + bbox.orElse(null), LAYERS,
                () -> areas.communities(subdistrict, bbox));
    }
}
