package org.partymap.resident;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import org.partymap.auth.AccessControl;
import org.partymap.auth.AuditLog;
import org.partymap.auth.User;
import org.partymap.http.ApiException;
import org.partymap.http.ClientIp;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * {@code GET /api/residents} (grid workers: their grids; admins: all), {@code GET
 * /api/residents/{id}} (the full record, audited) and {@code GET /api/subdistricts/{id}/workload}
 * (planners of the subdistrict and admins: counts per grid, no person).
 */
public final class ResidentController {

    private static final List<String> REVIEW = List.of("ok", "review", "fixed");

    private final ResidentRepository residents;
    private final AuditLog audit;

    public ResidentController(ResidentRepository residents, AuditLog audit) {
        this.residents = residents;
        this.audit = audit;
    }

    public void list(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        var grid = Params.optionalId(ctx, "grid");
        grid.ifPresent(user::requireGrid);
        var query = new ResidentRepository.Query(grid, Params.oneOf(ctx, "review", REVIEW), Params.text(ctx, "q", 64),
                Params.integer(ctx, "limit", 100, 1, 500, true), Params.integer(ctx, "offset", 0, 0, 1_000_000, false));
        var page = residents.list(new ResidentRepository.Scope(user.isAdmin(), user.servedGrids()), query);
        var detail = new LinkedHashMap<String, Object>();
        grid.ifPresent(g -> detail.put("grid", g));
        query.search().ifPresent(q -> detail.put("q", q));
        detail.put("returned", page.residents().size());
        audit.record(AuditLog.Actor.of(user, ClientIp.of(ctx)), "resident_list", "resident", null, detail);
        Responses.jsonOf(ctx, page);
    }

    public void read(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.id(ctx, "id");
        var actor = AuditLog.Actor.of(user, ClientIp.of(ctx));
        // out of scope answers like a record that does not exist: a worker learns nothing about other grids
        Responses.jsonOf(ctx, residents.read(id, g -> user.isAdmin() || g != null && user.mayReadResidentsOf(g), actor)
                .orElseThrow(() -> ApiException.notFound("resident-not-found", "there is no resident " + id + " in your grids")));
    }

    public void workload(Context ctx) {
        int id = Params.id(ctx, "id");
        AccessControl.requireUser(ctx).requireSubdistrict(id);
        Responses.json(ctx, residents.workload(id)
                .orElseThrow(() -> ApiException.notFound("subdistrict-not-found", "there is no subdistrict " + id)));
    }
}
