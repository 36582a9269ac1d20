package org.partymap.planner;

import io.javalin.http.Context;
import org.partymap.auth.AccessControl;
import org.partymap.auth.AuditLog;
import org.partymap.auth.User;
import org.partymap.grid.edit.BaseVersions;
import org.partymap.grid.edit.EditAnswer;
import org.partymap.grid.edit.EditReader;
import org.partymap.grid.edit.GridEditService;
import org.partymap.http.ClientIp;
import org.partymap.http.Responses;

/**
 * {@code POST /api/planner/edits/preview} and {@code POST /api/planner/edits}: an edit (see
 * {@link EditReader}) previewed or saved. Both answer 422 with the offending places when the edit
 * is invalid and 409 with both versions when a grid it touches was saved since the versions named
 * in {@code If-Match}; a save also needs a reason, and 428 without {@code If-Match}.
 */
public final class EditController {

    private final GridEditService edits;

    EditController(GridEditService edits) {
        this.edits = edits;
    }

    public void preview(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        var request = EditReader.read(ctx, false);
        var base = BaseVersions.parse(ctx.header("If-Match"));
        Responses.json(ctx, EditAnswer.of(edits.preview(request.edit(), base, user)).toString());
    }

    public void save(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        var request = EditReader.read(ctx, true);
        var base = BaseVersions.parse(ctx.header("If-Match"));
        var result = edits.save(request.edit(), base, request.reason(), user, AuditLog.Actor.of(user, ClientIp.of(ctx)));
        Responses.json(ctx, EditAnswer.of(result).toString());
    }
}
