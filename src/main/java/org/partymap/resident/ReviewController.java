package org.partymap.resident;

import io.javalin.http.Context;
import java.util.Set;
import org.partymap.auth.AccessControl;
import org.partymap.auth.AuditLog;
import org.partymap.auth.User;
import org.partymap.http.ApiException;
import org.partymap.http.ClientIp;
import org.partymap.http.JsonBody;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * {@code GET /api/review/residents?grid=&import=&limit=&offset=}: the review queue, scoped like
 * every list of residents and audited. {@code PUT /api/residents/{id}/location} with
 * {@code {"lon": …, "lat": …}}: sets a resident's point by hand, inside the district and in a grid
 * the caller serves; the grid is assigned and the resident leaves the queue (fixed, manual).
 */
public final class ReviewController {

    private final ReviewQueue queue;

    public ReviewController(ReviewQueue queue) {
        this.queue = queue;
    }

    public void list(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        var grid = Params.optionalId(ctx, "grid");
        grid.ifPresent(user::requireGrid);
        var query = new ReviewQueue.Query(grid, Params.optionalLongId(ctx, "import"),
                Params.integer(ctx, "limit", 100, 1, 500, true), Params.integer(ctx, "offset", 0, 0, 1_000_000, false));
        Responses.jsonOf(ctx, queue.list(user, query, AuditLog.Actor.of(user, ClientIp.of(ctx))));
    }

    public void pin(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.id(ctx, "id");
        JsonBody body = JsonBody.of(ctx, Set.of("lon", "lat"));
        double lon = body.number("lon", -180, 180);
        double lat = body.number("lat", -90, 90);
        ReviewQueue.PinResult result = queue.pin(user, id, lon, lat, AuditLog.Actor.of(user, ClientIp.of(ctx)));
        if (result.refusal() != null) {
            throw switch (result.refusal()) {
                case NOT_FOUND -> ApiException.notFound("resident-not-found", "there is no resident " + id + " in your grids");
                case OUTSIDE_DISTRICT -> ApiException.unprocessable("outside-district",
                        "the point " + lon + ", " + lat + " lies outside the district");
                case NO_GRID -> ApiException.unprocessable("no-grid", "the point " + lon + ", " + lat + " lies in no grid");
                case NOT_YOUR_GRID -> ApiException.forbidden("out-of-scope", "the point lies in grid " + result.grid().code() + " "
                        + result.grid().name() + ", which is not one of yours").with("grid", result.grid().code());
            };
        }
        Responses.jsonOf(ctx, result.pinned());
    }
}
