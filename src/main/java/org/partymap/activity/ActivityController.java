package org.partymap.activity;

import io.javalin.http.Context;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import org.partymap.activity.ActivityRepository.Activity;
import org.partymap.activity.ActivityRepository.Place;
import org.partymap.auth.AccessControl;
import org.partymap.auth.AuditLog;
import org.partymap.auth.LinkToken;
import org.partymap.auth.User;
import org.partymap.booking.BookingService;
import org.partymap.http.ApiException;
import org.partymap.http.BaseUrl;
import org.partymap.http.ClientIp;
import org.partymap.http.JsonBody;
import org.partymap.http.Params;
import org.partymap.http.PublicText;
import org.partymap.http.Responses;

/**
 * 活动 routes. Anyone reads the upcoming public occurrences of a post or a community and their
 * iCalendar feeds (answered from {@link ActivityAnswers} with a strong ETag), and signs up with a
 * name and phone, followed through a private link ({@code /api/signups/mine}); the staff of a post
 * publish, change and cancel its activities and read its sign-ups (phones masked, audited).
 */
public final class ActivityController {

    public static final int DAYS_DEFAULT = 30;
    public static final int DAYS_MAX = 90;
    private static final Set<String> PUBLISH = Set.of("station", "title", "kind", "start", "end", "capacity", "description", "rrule", "public");
    private static final Set<String> CHANGE = Set.of("title", "kind", "start", "end", "capacity", "description", "rrule", "public");
    private static final Set<String> SIGNUP = Set.of("occurrence", "name", "phone");

    private final ActivityRepository repository;
    private final ActivityService service;
    private final ActivityAnswers answers;
    private final Optional<URI> publicUrl;
    private final AuditLog audit;

    public ActivityController(ActivityRepository repository, ActivityService service, ActivityAnswers answers,
                              Optional<URI> publicUrl, AuditLog audit) {
        this.repository = repository;
        this.service = service;
        this.answers = answers;
        this.publicUrl = publicUrl;
        this.audit = audit;
    }

    public void atStation(Context ctx) {
        int id = Params.id(ctx, "id");
        send(ctx, answers.station(id, days(ctx)).orElseThrow(() -> ActivityService.noStation(id)), "application/json; charset=utf-8");
    }

    public void inCommunity(Context ctx) {
        int id = Params.id(ctx, "id");
        send(ctx, answers.community(id, days(ctx)).orElseThrow(() -> noCommunity(id)), "application/json; charset=utf-8");
    }

    public void stationFeed(Context ctx) {
        int id = Params.id(ctx, "id");
        send(ctx, answers.stationFeed(id, uidDomain(), BaseUrl.of(ctx, publicUrl)).orElseThrow(() -> ActivityService.noStation(id)),
                ActivityCalendar.MEDIA_TYPE);
    }

    public void communityFeed(Context ctx) {
        int id = Params.id(ctx, "id");
        send(ctx, answers.communityFeed(id, uidDomain(), BaseUrl.of(ctx, publicUrl)).orElseThrow(() -> noCommunity(id)),
                ActivityCalendar.MEDIA_TYPE);
    }

    public void publish(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        JsonBody body = JsonBody.of(ctx, PUBLISH);
        int station = (int) wholeNumber(body, "station");
        var kind = ActivityInput.required(ActivityInput.kind(body), "kind");
        var title = ActivityInput.required(ActivityInput.text(body, "title", ActivityInput.TITLE_MAX, false), "title");
        Instant start = ActivityInput.required(ActivityInput.time(body, "start"), "start");
        Instant end = ActivityInput.required(ActivityInput.time(body, "end"), "end");
        ActivityInput.checkTimes(start, end);
        var rrule = ActivityInput.text(body, "rrule", 200, false).map(r -> Recurrence.parse(r, start).text()).orElse(null);
        var draft = new Activity(0, station, title, kind, start, end, ActivityInput.capacity(body).orElse(null),
                ActivityInput.text(body, "description", ActivityInput.DESCRIPTION_MAX, true).orElse(null), rrule,
                body.bool("public").orElse(kind != ActivityKind.OPINION_MEETING), null, null);
        Place place = service.servedPlace(user, station);
        long id = repository.publish(draft, user.id(), service.now(), actor(ctx, user));
        answers.written();
        ctx.status(201).header("Location", "/api/activities/" + id + "/signups");
        staffView(ctx, repository.find(id).orElseThrow(), place);
    }

    public void change(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.longId(ctx, "id");
        Activity current = repository.find(id).filter(a -> a.cancelledAt() == null).orElseThrow(() -> ActivityRepository.noActivity(id));
        Place place = service.servedPlace(user, current.stationId());
        JsonBody body = JsonBody.of(ctx, CHANGE);
        var title = ActivityInput.text(body, "title", ActivityInput.TITLE_MAX, false);
        var kind = ActivityInput.kind(body);
        var start = ActivityInput.time(body, "start");
        var end = ActivityInput.time(body, "end");
        var capacity = ActivityInput.capacity(body);
        var description = ActivityInput.text(body, "description", ActivityInput.DESCRIPTION_MAX, true);
        // an empty rrule makes the activity a one-off
        boolean clearRule = body.node("rrule").map(v -> v.isTextual() && v.asText().isBlank()).orElse(false);
        var rrule = clearRule ? Optional.of("") : ActivityInput.text(body, "rrule", 200, false);
        var isPublic = body.bool("public");
        if (title.isEmpty() && kind.isEmpty() && start.isEmpty() && end.isEmpty() && capacity.isEmpty() && description.isEmpty()
                && rrule.isEmpty() && isPublic.isEmpty()) {
            throw ApiException.badRequest("nothing-to-change", "give at least one of " + String.join(", ", CHANGE.stream().sorted().toList()));
        }
        var changed = repository.change(id, (a, mostTaken, allTaken) -> {
            Instant s = start.orElse(a.start());
            Instant e = end.orElse(a.end());
            ActivityInput.checkTimes(s, e);
            String r = rrule.map(t -> t.isEmpty() ? null : Recurrence.parse(t, s).text()).orElse(a.rrule());
            if (a.rrule() != null && rrule.isEmpty() && start.isPresent()) {
                r = Recurrence.parse(a.rrule(), s).text();
            }
            boolean moves = !s.equals(a.start()) || !java.util.Objects.equals(r, a.rrule());
            if (moves && allTaken > 0) {
                throw ApiException.conflict("has-signups", "“" + a.title() + "” has " + allTaken + " sign-ups; its times cannot move under"
                        + " them. Cancel it and publish it anew, or change only its text");
            }
            Integer cap = capacity.orElse(a.capacity());
            if (cap != null && cap < mostTaken) {
                throw ApiException.conflict("below-signups", "an occurrence already holds " + mostTaken + " sign-ups; capacity cannot go below it")
                        .with("field", "capacity");
            }
            if (cap == null && mostTaken > 0) {
                throw ApiException.conflict("has-signups", "the activity has sign-ups");
            }
            return new Activity(a.id(), a.stationId(), title.orElse(a.title()), kind.orElse(a.kind()), s, e, cap,
                    description.orElse(a.description()), r, isPublic.orElse(a.isPublic()), null, a.updatedAt());
        }, service.now(), actor(ctx, user)).orElseThrow(() -> ActivityRepository.noActivity(id));
        answers.written();
        staffView(ctx, changed, place);
    }

    public void cancel(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.longId(ctx, "id");
        Activity a = repository.find(id).orElseThrow(() -> ActivityRepository.noActivity(id));
        service.servedPlace(user, a.stationId());
        if (repository.cancel(id, service.now(), actor(ctx, user))) {
            answers.written();
        }
        ctx.status(204);
    }

    public void signups(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.longId(ctx, "id");
        // an activity out of scope answers like one that does not exist: staff learn nothing of others' sign-ups
        var list = service.signups(user, id).orElseThrow(() -> ApiException.notFound("activity-not-found",
                "there is no activity " + id + " at the posts you serve"));
        var detail = new LinkedHashMap<String, Object>();
        detail.put("returned", list.returned());
        audit.record(actor(ctx, user), "activity_signup_list", "activity", id, detail);
        ctx.header("Cache-Control", "no-store");
        Responses.jsonOf(ctx, list);
    }

    public void signUp(Context ctx) {
        long id = Params.longId(ctx, "id");
        JsonBody body = JsonBody.of(ctx, SIGNUP);
        Instant occurrence = occurrence(body.text("occurrence", 40));
        String name = PublicText.check("name", body.text("name", 64), 32);
        String phone = BookingService.phone(body.text("phone", 32));
        var signed = service.signUp(id, occurrence, name, phone);
        answers.written();
        ctx.header("Cache-Control", "no-store");
        ctx.status(201);
        Responses.jsonOf(ctx, signed);
    }

    public void mine(Context ctx) {
        String hash = LinkToken.hashOf(ctx);
        ctx.header("Cache-Control", "no-store");
        Responses.jsonOf(ctx, service.mine(hash).orElseThrow(ActivityController::noSuchSignup));
    }

    public void cancelMine(Context ctx) {
        String hash = LinkToken.hashOf(ctx);
        ctx.header("Cache-Control", "no-store");
        var mine = service.cancel(hash).orElseThrow(ActivityController::noSuchSignup);
        answers.written();
        Responses.jsonOf(ctx, mine);
    }

    private void staffView(Context ctx, Activity a, Place place) {
        ctx.header("Cache-Control", "no-store");
        Responses.jsonOf(ctx, ActivityJson.Staff.of(a, place, ActivityService.starts(a)));
    }

    private String uidDomain() {
        return publicUrl.map(URI::getHost).filter(h -> !h.isBlank()).orElse("partymap");
    }

    private static int days(Context ctx) {
        return Params.integer(ctx, "days", DAYS_DEFAULT, 1, DAYS_MAX, false);
    }

    private static Instant occurrence(String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("bad-field", "occurrence must be an occurrence's start as the activities list gives it,"
                    + " ISO 8601 with its offset (2026-12-12T09:00:00+08:00), not '" + raw + "'").with("field", "occurrence");
        }
    }

    private static double wholeNumber(JsonBody body, String name) {
        double v = body.number(name, 1, Integer.MAX_VALUE);
        if (v != Math.rint(v)) {
            throw ApiException.badRequest("bad-field", name + " must be a whole number").with("field", name);
        }
        return v;
    }

    static void send(Context ctx, ActivityAnswers.Answer answer, String type) {
        Responses.kept(ctx, answer.etag(), type, answer::body);
    }

    private static AuditLog.Actor actor(Context ctx, User user) {
        return AuditLog.Actor.of(user, ClientIp.of(ctx));
    }

    static ApiException noCommunity(int id) {
        return ApiException.notFound("community-not-found", "there is no community " + id);
    }

    private static ApiException noSuchSignup() {
        return ApiException.notFound("signup-not-found", "no sign-up has this link; it may be mistyped");
    }
}
