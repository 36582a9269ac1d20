package org.partymap.resident;

import io.javalin.http.Context;
import java.util.List;
import org.partymap.auth.AccessControl;
import org.partymap.auth.User;
import org.partymap.http.ApiException;
import org.partymap.http.BodyLimit;
import org.partymap.http.ClientIp;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * {@code POST /api/residents/imports?name=&force=}: a grid worker (for their grids) or an admin
 * uploads a residents' register as the request body (CSV, UTF-8 or GBK, up to
 * {@code PARTYMAP_IMPORT_MAX_MB}). The whole file is checked first: a bad file is refused (422,
 * each problem naming its line) and nothing is written. A good one becomes an import job, answered
 * at once with 202 and its address; {@code GET /api/residents/imports/{id}} tells its phase, rows
 * done and, when it has finished, its summary — to its uploader and to admins.
 */
public final class ResidentImportController {

    private final ResidentImportJobs jobs;
    private final long maxBytes;

    public ResidentImportController(ResidentImportJobs jobs, long maxBytes) {
        this.jobs = jobs;
        this.maxBytes = maxBytes;
    }

    public void upload(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        String name = Params.text(ctx, "name", 100).map(n -> n.replaceAll("[^\\p{L}\\p{N}._-]", "_")).orElse("upload.csv");
        boolean force = Params.oneOf(ctx, "force", List.of("true", "false")).map(Boolean::parseBoolean).orElse(false);
        byte[] bytes = BodyLimit.read(ctx, maxBytes);
        if (bytes.length == 0) {
            throw ApiException.badRequest("empty-body", "send the residents' register (a CSV file) as the request body");
        }
        ResidentImporter.Prepared prepared;
        try {
            prepared = jobs.importer().prepare(bytes, name, ResidentImporter.Uploader.of(user, ClientIp.of(ctx)), force);
        } catch (ResidentFile.Refused e) {
            throw ApiException.unprocessable("import-refused", "the file was refused, nothing was written: " + e.getMessage())
                    .with("problems", e.problems());
        } catch (ResidentImporter.AlreadyImported e) {
            throw ApiException.conflict("already-imported", e.getMessage() + "; send it with force=true to import it again")
                    .with("import", e.earlier().id());
        }
        if (!jobs.submit(prepared)) {
            throw new ApiException(503, "busy", "Service unavailable", "the server is busy with other imports; send the file again later");
        }
        ctx.status(202).header("Location", "/api/residents/imports/" + prepared.id());
        Responses.jsonOf(ctx, job(user, prepared.id()));
    }

    public void status(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.id(ctx, "id");
        Responses.jsonOf(ctx, job(user, id));
    }

    /** The job, for its uploader or an admin; anyone else learns nothing, not even that it exists. */
    private ResidentImportRepository.Job job(User user, long id) {
        return jobs.importer().jobs().read(id)
                .filter(j -> user.isAdmin() || j.userId() != null && j.userId() == user.id())
                .orElseThrow(() -> ApiException.notFound("import-not-found", "there is no import " + id + " of yours"));
    }
}
