package org.partymap.station;

import io.javalin.http.Context;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/** {@code GET /api/stations?kind=&community=&bbox=}. */
public final class StationController {

    private final StationRepository stations;

    public StationController(StationRepository stations) {
        this.stations = stations;
    }

    public void list(Context ctx) {
        Responses.geojson(ctx, stations.list(Params.oneOf(ctx, "kind", StationKind.codes()),
                Params.optionalId(ctx, "community"), Params.bbox(ctx)));
    }
}
