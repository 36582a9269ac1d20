package org.partymap.consult;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The workers' side of 社区通 (咨询工作台): the inbox by state, a question whole (audited, and its
 * opening kept as "seen"), answers and transfers, the statistics, and the community's service hours.
 * A question the account may not read answers 404, like one that does not exist.
 */
public final class InboxController {

    private static final List<String> STATES = List.of("waiting", "answered", "solved");

    private final ConsultService consult;
    private final ConsultStats stats;
    private final AuditLog audit;
    private final javax.sql.DataSource ds;
    private static final java.time.Duration PUBLIC_FIGURES_FOR = java.time.Duration.ofSeconds(60);
    private final Map<String, Kept> publicFigures = new java.util.concurrent.ConcurrentHashMap<>();

    InboxController(ConsultService consult, ConsultStats stats, AuditLog audit, javax.sql.DataSource ds) {
        this.consult = consult;
        this.stats = stats;
        this.audit = audit;
        this.ds = ds;
    }

    public void inbox(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        String state = Params.oneOf(ctx, "state", STATES).orElse("waiting");
        Integer grid = Params.optionalId(ctx, "grid").orElse(null);
        int limit = Params.integer(ctx, "limit", 50, 1, 200, true);
        int offset = Params.integer(ctx, "offset", 0, 0, 1_000_000, false);
        consult.escalateDue();
        Object[] access = ConsultAccess.params(user);
        var counts = new LinkedHashMap<String, Long>();
        STATES.forEach(s -> counts.put(s, 0L));
        consult.questions().counts(access, grid).forEach(row -> counts.put((String) row[0], (Long) row[1]));
        var items = consult.questions().inbox(access, grid, state, limit, offset).stream()
                .map(q -> QuestionViews.item(q, consult.clock(q))).toList();
        var detail = new LinkedHashMap<String, Object>();
        detail.put("state", state);
        if (grid != null) {
            detail.put("grid", grid);
        }
        detail.put("returned", items.size());
        audit.record(AuditLog.Actor.of(user, ClientIp.of(ctx)), "question_list", "question", null, detail);
        var out = new LinkedHashMap<String, Object>();
        out.put("state", state);
        out.put("counts", counts);
        out.put("limit", limit);
        out.put("offset", offset);
        out.put("questions", items);
        Responses.jsonOf(ctx, out);
    }

    public void read(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.longId(ctx, "id");
        var q = consult.read(user, id, AuditLog.Actor.of(user, ClientIp.of(ctx)));
        Responses.jsonOf(ctx, QuestionViews.full(q, consult.clock(q), consult.events(id)));
    }

    public void answer(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.longId(ctx, "id");
        var body = JsonBody.of(ctx, Set.of("text"));
        var q = consult.answer(user, id, QuestionController.raw(body, "text"));
        ctx.status(201);
        Responses.jsonOf(ctx, QuestionViews.full(q, consult.clock(q), consult.events(id)));
    }

    public void transfer(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.longId(ctx, "id");
        var body = JsonBody.of(ctx, Set.of("grid", "reason"));
        var q = consult.transfer(user, id, (int) body.number("grid", 1, Integer.MAX_VALUE), body.text("reason", ConsultService.MAX_REASON));
        Responses.jsonOf(ctx, QuestionViews.full(q, consult.clock(q), consult.events(id)));
    }

    /** Staff figures for one grid, community or subdistrict that the account serves. */
    public void stats(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        var area = area(ctx);
        var place = Areas.of(ds, area).orElseThrow(() -> ApiException.notFound("area-not-found", "there is no such grid, community or subdistrict"));
        boolean allowed = area.grid() != null ? user.serves(area.grid(), place.community(), place.subdistrict())
                : area.community() != null ? user.servesCommunity(place.community(), place.subdistrict())
                : user.isAdmin() || user.role() == org.partymap.auth.Role.PLANNER && user.subdistricts().contains(place.subdistrict());
        if (!allowed) {
            throw ApiException.forbidden("out-of-scope", "these figures are not in your scope");
        }
        Responses.jsonOf(ctx, stats.report(area, weeks(ctx), consult.now(), consult.settings().target(), false));
    }

    /**
     * A community's figures for everyone: no text, no count below k. Anyone may call it in a loop,
     * so an answer is kept for {@link #PUBLIC_FIGURES_FOR} and served as it is: figures a minute
     * old are as true as a week's statistics need.
     */
    public void publicStats(Context ctx) {
        int id = Params.id(ctx, "id");
        int weeks = weeks(ctx);
        long now = System.nanoTime();
        var kept = publicFigures.get(id + "/" + weeks);
        if (kept == null || now - kept.madeAt() > PUBLIC_FIGURES_FOR.toNanos()) {
            Areas.of(ds, new ConsultStats.Area(null, id, null))
                    .orElseThrow(() -> ApiException.notFound("community-not-found", "there is no community " + id));
            if (publicFigures.size() > 10_000) {
                publicFigures.clear();
            }
            kept = new Kept(now, Responses.toJson(stats.report(new ConsultStats.Area(null, id, null), weeks, consult.now(),
                    consult.settings().target(), true)));
            publicFigures.put(id + "/" + weeks, kept);
        }
        ctx.header("Cache-Control", "public, max-age=" + PUBLIC_FIGURES_FOR.toSeconds());
        Responses.json(ctx, kept.json());
    }

    private record Kept(long madeAt, String json) {
    }

    /** Sets the hours a community's clocks run in (its staff, its subdistrict's planners, admins). */
    public void serviceHours(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        int id = Params.id(ctx, "id");
        var place = Areas.of(ds, new ConsultStats.Area(null, id, null))
                .orElseThrow(() -> ApiException.notFound("community-not-found", "there is no community " + id));
        if (!user.servesCommunity(place.community(), place.subdistrict())) {
            throw ApiException.forbidden("out-of-scope", "community " + id + " is not in your scope");
        }
        var body = JsonBody.of(ctx, Set.of("hours"));
        consult.setServiceHours(id, body.optionalText("hours", 200).orElse(null));
        audit.record(AuditLog.Actor.of(user, ClientIp.of(ctx)), "service_hours_set", "community", id,
                Map.of("hours", body.optionalText("hours", 200).orElse("(default)")));
        Responses.jsonOf(ctx, Map.of("community", id, "hours", consult.hours(body.optionalText("hours", 200).orElse(null)).text()));
    }

    private static ConsultStats.Area area(Context ctx) {
        var grid = Params.optionalId(ctx, "grid").orElse(null);
        var community = Params.optionalId(ctx, "community").orElse(null);
        var subdistrict = Params.optionalId(ctx, "subdistrict").orElse(null);
        long given = java.util.stream.Stream.of(grid, community, subdistrict).filter(java.util.Objects::nonNull).count();
        if (given != 1) {
            throw ApiException.badRequest("area-required", "name exactly one of grid, community or subdistrict");
        }
        return new ConsultStats.Area(grid, community, subdistrict);
    }

    private static int weeks(Context ctx) {
        return Params.integer(ctx, "weeks", 8, 1, 52, true);
    }
}
