package org.partymap.planner;

import io.javalin.http.Context;
import org.partymap.auth.AccessControl;
import org.partymap.http.ApiException;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * {@code GET /api/planner/grids/{id}/history}: every version of a grid (retired grids too), who
 * saved it, when and why; {@code GET /api/planner/grids/{id}/versions/{version}}: one version
 * beside the grid as it is now, with the land it has gained and lost since. Reverting is an edit
 * ({@code kind: revert}).
 */
public final class HistoryController {

    private final PlannerRepository repository;

    HistoryController(PlannerRepository repository) {
        this.repository = repository;
    }

    public void history(Context ctx) {
        int id = Params.id(ctx, "id");
        requireGrid(ctx, id);
        Responses.json(ctx, repository.history(id).orElseThrow(() -> noGrid(id)));
    }

    public void version(Context ctx) {
        int id = Params.id(ctx, "id");
        int version = Params.id(ctx, "version");
        requireGrid(ctx, id);
        Responses.json(ctx, repository.version(id, version)
                .orElseThrow(() -> ApiException.notFound("version-not-found", "grid " + id + " has no version " + version)));
    }

    private void requireGrid(Context ctx, int id) {
        int subdistrict = repository.subdistrictOfGrid(id).orElseThrow(() -> noGrid(id));
        AccessControl.requireUser(ctx).requireSubdistrict(subdistrict);
    }

    private static ApiException noGrid(int id) {
        return ApiException.notFound("grid-not-found", "there is no grid " + id + ", nor was there ever");
    }
}
