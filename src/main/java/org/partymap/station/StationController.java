package org.partymap.station;

import io.javalin.http.Context;
import java.util.List;
import org.partymap.http.KeptAnswers;
import org.partymap.http.Params;

/** {@code GET /api/stations?kind=&community=&bbox=}: bytes kept per layer version. */
public final class StationController {

    static final List<String> LAYERS = List.of("station");

    private final StationRepository stations;
    private final KeptAnswers kept;

    public StationController(StationRepository stations, KeptAnswers kept) {
        this.stations = stations;
        this.kept = kept;
    }

    public void list(Context ctx) {
        var kind = Params.oneOf(ctx, "kind", StationKind.codes());
        var community = Params.optionalId(ctx, "community");
        var bbox = Params.bbox(ctx);
        kept.geojson(ctx, "stations?" + kind.orElse(null) + "&" + community.orElse(null) + "&" + bbox.orElse(null), LAYERS,
                () -> stations.list(kind, community, bbox));
    }
}
