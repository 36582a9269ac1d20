package org.partymap.consult;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Set;
import org.partymap.auth.LinkToken;
import org.partymap.http.ApiException;
import org.partymap.http.ClientIp;
import org.partymap.http.JsonBody;
import org.partymap.http.Params;
import org.partymap.http.RateLimiter;
import org.partymap.http.Responses;

/**
 * The resident's side of 社区通, without an account: {@code GET /api/grids/{id}/ask} (what the
 * form offers), {@code POST /api/questions} (ask; answers the private link once), and through that
 * link ({@code Authorization: Bearer}) {@code GET /api/questions/mine}, its follow-up messages and
 * the resident's solved / not solved.
 */
public final class QuestionController {

    private static final Set<String> ASK = Set.of("text", "topic", "phone", "lon", "lat", "address", "grid");

    private final ConsultService consult;
    private final RateLimiter perClient;
    private final RateLimiter perGrid;

    QuestionController(ConsultService consult) {
        this.consult = consult;
        int perHour = consult.settings().postsPerHour();
        this.perClient = RateLimiter.perHour(perHour, "questions and messages");
        this.perGrid = RateLimiter.perHour(perHour * org.partymap.Config.Consult.PER_GRID_FACTOR, "questions to one grid");
    }

    /** The grid's form: who answers, the topics, the service hours and whether the clock runs now. */
    public void form(Context ctx) {
        int id = Params.id(ctx, "id");
        var grid = consult.route(new ConsultService.Place(null, null, null, id)).grid();
        var hours = consult.hours(grid.serviceHours());
        var now = consult.now();
        var out = new LinkedHashMap<String, Object>();
        out.put("grid", new QuestionViews.GridRef(grid.id(), grid.code(), grid.name(), grid.communityName(), grid.leaderName()));
        out.put("topics", ConsultService.topics(grid));
        out.put("hours", hours.text());
        out.put("open_now", hours.isOpen(now));
        out.put("clock_starts", QuestionClock.at(hours.nextOpening(now)));
        out.put("target_minutes", consult.settings().target().toMinutes());
        out.put("max_length", ConsultService.MAX_QUESTION);
        Responses.jsonOf(ctx, out);
    }

    public void ask(Context ctx) {
        limit(perClient, ClientIp.of(ctx));
        var body = JsonBody.of(ctx, ASK);
        Double lon = body.has("lon") ? body.number("lon", -180, 180) : null;
        Double lat = body.has("lat") ? body.number("lat", -90, 90) : null;
        Integer grid = body.has("grid") ? (int) body.number("grid", 1, Integer.MAX_VALUE) : null;
        var route = consult.route(new ConsultService.Place(lon, lat, body.optionalText("address", 200).orElse(null), grid));
        limit(perGrid, "grid:" + route.grid().id());
        var asked = consult.ask(route, body.text("topic", 32), raw(body, "text"), body.optionalText("phone", 24).orElse(null));
        var out = new LinkedHashMap<String, Object>();
        out.put("id", asked.id());
        out.put("token", asked.token());
        out.put("link", "/ask.html#t=" + asked.token());
        out.put("question", mineView(asked.row()));
        ctx.status(201);
        Responses.jsonOf(ctx, out);
    }

    public void mine(Context ctx) {
        Responses.jsonOf(ctx, mineView(consult.mine(LinkToken.hashOf(ctx))));
    }

    public void followUp(Context ctx) {
        String token = LinkToken.hashOf(ctx);
        limit(perClient, ClientIp.of(ctx));
        var body = JsonBody.of(ctx, Set.of("text"));
        ctx.status(201);
        Responses.jsonOf(ctx, mineView(consult.followUp(token, raw(body, "text"))));
    }

    public void resolution(Context ctx) {
        String token = LinkToken.hashOf(ctx);
        var body = JsonBody.of(ctx, Set.of("solved"));
        boolean solved = body.bool("solved").orElseThrow(() -> ApiException.badParameter("solved", "say solved: true or false"));
        Responses.jsonOf(ctx, mineView(consult.resolve(token, solved)));
    }

    private QuestionViews.Mine mineView(QuestionRepository.Row q) {
        return QuestionViews.mine(q, consult.clock(q), consult.events(q.id()));
    }

    private static void limit(RateLimiter limiter, String key) {
        long wait = limiter.acquire(key);
        if (wait > 0) {
            throw ApiException.tooManyRequests("too-many-questions", "too many questions for now; try again in " + (wait < 60 ? wait + " s" : (wait + 59) / 60 + " min") + ", "
                    + "or call the grid leader", wait);
        }
    }

    /** A text member as sent (line breaks kept), for {@link org.partymap.http.PublicText} to check. */
    static String raw(JsonBody body, String name) {
        var node = body.node(name).orElseThrow(() -> ApiException.badParameter(name, name + " is required"));
        if (!node.isTextual()) {
            throw ApiException.badParameter(name, name + " must be a string");
        }
        return node.asText();
    }
}
