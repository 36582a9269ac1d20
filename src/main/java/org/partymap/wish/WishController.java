package org.partymap.wish;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partymap.auth.AccessControl;
import org.partymap.auth.AuditLog;
import org.partymap.auth.Role;
import org.partymap.auth.User;
import org.partymap.booking.BookingService;
import org.partymap.http.ApiException;
import org.partymap.http.ClientIp;
import org.partymap.http.JsonBody;
import org.partymap.http.KeptAnswers;
import org.partymap.http.Params;
import org.partymap.http.PublicText;
import org.partymap.http.Responses;

/**
 * 微心愿 over HTTP: {@code GET /api/communities/{id}/wishes} (public: the wall and its figures,
 * a kept answer), {@code POST /api/wishes/{id}/claim} (public: a party member's session, whose body
 * is ignored, or a name and phone), {@code GET /api/wishes/mine} (a party member's claims), and for the grid's staff
 * {@code GET /api/wishes}, {@code POST /api/wishes} and the steps {@code confirm}, {@code release},
 * {@code fulfil} and {@code DELETE /api/wishes/{id}} (withdraw).
 */
public final class WishController {

    private static final Set<String> POST_FIELDS = Set.of("grid", "resident", "question", "title", "category", "situation", "due_on");
    private static final Set<String> CLAIM_FIELDS = Set.of("name", "phone");
    private static final Set<String> FULFIL_FIELDS = Set.of("thanks");
    /** What the wall reads: its wishes, their grids' names and its community's. */
    static final List<String> WALL_LAYERS = List.of("wish", "grid", "community");
    private static final List<String> STATUSES = List.of("open", "claimed", "fulfilled", "withdrawn");

    private final WishRepository repository;
    private final WishService service;
    private final KeptAnswers kept;
    private final AuditLog audit;

    public WishController(WishRepository repository, WishService service, KeptAnswers kept, AuditLog audit) {
        this.repository = repository;
        this.service = service;
        this.kept = kept;
        this.audit = audit;
    }

    /** The wall: a kept answer per version of the layers it reads, so a QR code that sends a community here costs copies. */
    public void wall(Context ctx) {
        int community = Params.id(ctx, "id");
        kept.json(ctx, "wishes/" + community, WALL_LAYERS, () -> {
            String name = repository.communityName(community)
                    .orElseThrow(() -> ApiException.notFound("community-not-found", "there is no community " + community));
            return Responses.toJson(new Wall(new Community(community, name), repository.figures(community),
                    repository.wall(community).stream().map(WishJson::wall).toList()));
        });
    }

    /** The wall's JSON. */
    record Wall(Community community, WishRepository.Figures figures, List<WishJson.Wall> wishes) {
    }

    record Community(int id, String name) {
    }

    public void claim(Context ctx) {
        long id = Params.longId(ctx, "id");
        Optional<User> user = AccessControl.user(ctx);
        boolean member = user.map(u -> u.role() == Role.PARTY_MEMBER).orElse(false);
        String name = null;
        String phone = null;
        if (!member) {
            JsonBody body = JsonBody.of(ctx, CLAIM_FIELDS);
            if (!body.has("name") || !body.has("phone")) {
                throw ApiException.badRequest("claimant-required", "to claim a wish, give your name and phone (the grid worker will call you"
                        + " to arrange it), or log in as a party member").with("field", body.has("name") ? "phone" : "name");
            }
            name = PublicText.check("name", body.text("name", 64), 32);
            phone = BookingService.phone(body.text("phone", 32));
        }
        var actor = user.map(u -> AuditLog.Actor.of(u, ClientIp.of(ctx))).orElseGet(() -> AuditLog.Actor.anonymous(ClientIp.of(ctx)));
        Wish wish = service.claim(id, new WishService.Claimant(member ? user : Optional.empty(), name, phone), actor);
        ctx.header("Cache-Control", "no-store");
        Responses.jsonOf(ctx, WishJson.wall(wish));
    }

    public void mine(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        ctx.header("Cache-Control", "no-store");
        Responses.jsonOf(ctx, Map.of("wishes", repository.claimedBy(user.id()).stream().map(WishJson::claimed).toList()));
    }

    public void list(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        var grid = Params.optionalId(ctx, "grid");
        var community = Params.optionalId(ctx, "community");
        var status = Params.oneOf(ctx, "status", STATUSES).map(s -> Wish.Status.valueOf(s.toUpperCase(java.util.Locale.ROOT)));
        int limit = Params.integer(ctx, "limit", 100, 1, 500, true);
        int offset = Params.integer(ctx, "offset", 0, 0, 1_000_000, false);
        var wishes = repository.list(WishService.scope(user), grid, community, status, limit, offset).stream()
                .map(w -> WishJson.staff(w, user)).toList();
        var detail = new LinkedHashMap<String, Object>();
        grid.ifPresent(g -> detail.put("grid", g));
        community.ifPresent(c -> detail.put("community", c));
        detail.put("returned", wishes.size());
        audit.record(AuditLog.Actor.of(user, ClientIp.of(ctx)), "wish_list", "wish", null, detail);
        ctx.header("Cache-Control", "no-store");
        Responses.jsonOf(ctx, Map.of("limit", limit, "offset", offset, "wishes", wishes));
    }

    public void post(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        JsonBody body = JsonBody.of(ctx, POST_FIELDS);
        var posting = new WishService.Posting(wholeNumber(body, "grid", Integer.MAX_VALUE).intValue(),
                optionalId(body, "resident"), optionalId(body, "question"),
                PublicText.check("title", body.text("title", 120), 60),
                WishCategory.of(body.text("category", 16)),
                PublicText.optional("situation", body.optionalText("situation", 600).orElse(null), 300),
                body.date("due_on"));
        Wish wish = service.post(user, posting, AuditLog.Actor.of(user, ClientIp.of(ctx)));
        ctx.status(201);
        Responses.jsonOf(ctx, WishJson.staff(wish, user));
    }

    public void confirm(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        Responses.jsonOf(ctx, WishJson.staff(service.confirm(user, Params.longId(ctx, "id"), AuditLog.Actor.of(user, ClientIp.of(ctx))), user));
    }

    public void release(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        Responses.jsonOf(ctx, WishJson.staff(service.release(user, Params.longId(ctx, "id"), AuditLog.Actor.of(user, ClientIp.of(ctx))), user));
    }

    public void fulfil(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.longId(ctx, "id");
        // the note is optional, and so is a body without it
        var thanks = ctx.bodyAsBytes().length == 0 ? Optional.<String>empty()
                : PublicText.optional("thanks", JsonBody.of(ctx, FULFIL_FIELDS).optionalText("thanks", 400).orElse(null), 200);
        Responses.jsonOf(ctx, WishJson.staff(service.fulfil(user, id, thanks, AuditLog.Actor.of(user, ClientIp.of(ctx))), user));
    }

    public void withdraw(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        Responses.jsonOf(ctx, WishJson.staff(service.withdraw(user, Params.longId(ctx, "id"), AuditLog.Actor.of(user, ClientIp.of(ctx))), user));
    }

    private static Optional<Long> optionalId(JsonBody body, String name) {
        return body.has(name) && body.node(name).map(n -> !n.isNull()).orElse(false)
                ? Optional.of(wholeNumber(body, name, Long.MAX_VALUE / 2)) : Optional.empty();
    }

    private static Long wholeNumber(JsonBody body, String name, long max) {
        double value = body.number(name, 1, max);
        if (value != Math.rint(value)) {
            throw ApiException.badRequest("bad-field", name + " must be an id, a whole number").with("field", name);
        }
        return (long) value;
    }
}
