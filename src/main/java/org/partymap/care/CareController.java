package org.partymap.care;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.partymap.auth.AccessControl;
import org.partymap.auth.AuditLog;
import org.partymap.auth.User;
import org.partymap.http.ApiException;
import org.partymap.http.ClientIp;
import org.partymap.http.JsonBody;
import org.partymap.http.Params;
import org.partymap.http.PublicText;
import org.partymap.http.Responses;

/**
 * 走访 over HTTP: {@code GET /api/care/households} (grid workers: their grids' care households,
 * overdue first; audited), {@code GET /api/care/residents/{id}} (a resident's household with its
 * visits and notes; audited; another grid's answers 404), {@code POST /api/care/visits}
 * (idempotent by {@code client_key}: 201 stored, 200 already stored) and
 * {@code GET /api/care/coverage} (community staff, planners, admins: counts only).
 */
public final class CareController {

    private static final Set<String> VISIT_FIELDS = Set.of("client_key", "resident", "kind", "visited_on", "note", "needs");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    public static final int NOTE_MAX = 500;
    public static final int NEEDS_MAX = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CareService service;
    private final AuditLog audit;

    public CareController(CareService service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    public void households(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        var grid = Params.optionalId(ctx, "grid");
        String page = service.list(user, grid, Params.integer(ctx, "limit", 200, 1, 500, true),
                Params.integer(ctx, "offset", 0, 0, 1_000_000, false));
        var detail = new LinkedHashMap<String, Object>();
        grid.ifPresent(g -> detail.put("grid", g));
        detail.put("returned", returned(page));
        audit.record(AuditLog.Actor.of(user, ClientIp.of(ctx)), "care_list", "care_household", null, detail);
        ctx.header("Cache-Control", "no-store");
        Responses.json(ctx, page);
    }

    public void household(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.longId(ctx, "id");
        // out of scope answers like a household that does not exist: a worker learns nothing about other grids
        String answer = service.household(user, id, audit, AuditLog.Actor.of(user, ClientIp.of(ctx)))
                .orElseThrow(() -> ApiException.notFound("care-household-not-found", "there is no care household of resident " + id
                        + " in your grids"));
        ctx.header("Cache-Control", "no-store");
        Responses.json(ctx, answer);
    }

    public void record(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        JsonBody body = JsonBody.of(ctx, VISIT_FIELDS);
        var request = new CareService.Request(clientKey(body), residentOf(body), kindOf(body), body.date("visited_on"),
                staffText(body, "note", NOTE_MAX), staffText(body, "needs", NEEDS_MAX));
        var stored = service.record(user, request, AuditLog.Actor.of(user, ClientIp.of(ctx)));
        ctx.status(stored.created() ? 201 : 200);
        Responses.jsonOf(ctx, stored.visit());
    }

    public void coverage(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        Responses.json(ctx, service.coverage(user, Params.optionalId(ctx, "community"), Params.optionalId(ctx, "subdistrict")));
    }

    private static int returned(String page) {
        try {
            return JSON.readTree(page).path("households").size();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the household list is not JSON", e);
        }
    }

    private static UUID clientKey(JsonBody body) {
        String raw = body.text("client_key", 36);
        if (!UUID_TEXT.matcher(raw).matches()) {
            throw bad("client_key", "client_key must be a UUID (as crypto.randomUUID() draws it), not '" + raw + "'");
        }
        return UUID.fromString(raw);
    }

    private static long residentOf(JsonBody body) {
        double resident = body.number("resident", 1, 9.007199254740991E15);
        if (resident != Math.rint(resident)) {
            throw bad("resident", "resident must be a resident's id, a whole number");
        }
        return (long) resident;
    }

    private static String kindOf(JsonBody body) {
        String kind = body.text("kind", 16);
        if (!CareService.KINDS.contains(kind)) {
            throw bad("kind", "kind must be home (上门), phone (电话) or errand (代办), not '" + kind + "'");
        }
        return kind;
    }

    /** A note as staff type it: line breaks pass; markup and control characters do not; blank is none. */
    private static Optional<String> staffText(JsonBody body, String name, int max) {
        Optional<JsonNode> node = body.node(name);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!node.get().isTextual()) {
            throw bad(name, name + " must be a string");
        }
        String text = node.get().asText();
        return text.isBlank() ? Optional.empty() : Optional.of(PublicText.staff(name, text, max));
    }

    private static ApiException bad(String field, String detail) {
        return ApiException.badRequest("bad-field", detail).with("field", field);
    }
}
