package org.partymap.notice;

import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.partymap.auth.AccessControl;
import org.partymap.auth.AuditLog;
import org.partymap.auth.User;
import org.partymap.http.ApiException;
import org.partymap.http.BaseUrl;
import org.partymap.http.ClientIp;
import org.partymap.http.JsonBody;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * 公告 routes. Anyone reads a community's notices ({@code GET /api/communities/{id}/notices},
 * {@code …/notices.atom}, {@code GET /api/notices/{id}}), answered from {@link NoticeAnswers} with
 * a strong ETag; the community's staff ({@link User#servesCommunity}) publish, change and
 * withdraw them, each write audited.
 */
public final class NoticeController {

    public static final int LIMIT_DEFAULT = 20;
    private static final Set<String> PUBLISH = Set.of("kind", "title", "body", "author");
    private static final Set<String> CHANGE = Set.of("kind", "title", "body");

    private final NoticeRepository notices;
    private final NoticeAnswers answers;
    private final Optional<URI> publicUrl;
    private final Clock clock;

    public NoticeController(NoticeRepository notices, NoticeAnswers answers, Optional<URI> publicUrl, Clock clock) {
        this.notices = notices;
        this.answers = answers;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public void list(Context ctx) {
        int id = Params.id(ctx, "id");
        var kind = Params.oneOf(ctx, "kind", NoticeKind.CODES).map(NoticeKind::of);
        int limit = Params.integer(ctx, "limit", LIMIT_DEFAULT, 1, NoticeRepository.NEWEST_PER_KIND, false);
        var board = answers.board(id).orElseThrow(() -> noCommunity(id));
        String etag = board.listEtag(kind, limit);
        Responses.kept(ctx, etag, "application/json; charset=utf-8", () -> board.list(kind, limit));
    }

    public void feed(Context ctx) {
        int id = Params.id(ctx, "id");
        var feed = answers.board(id).orElseThrow(() -> noCommunity(id)).feed(BaseUrl.of(ctx, publicUrl));
        Responses.kept(ctx, feed.etag(), AtomFeed.MEDIA_TYPE, feed::body);
    }

    public void read(Context ctx) {
        long id = Params.id(ctx, "id");
        var notice = answers.notice(id).orElseThrow(() -> noNotice(id));
        Responses.kept(ctx, notice.etag(), "application/json; charset=utf-8", notice::body);
    }

    public void publish(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        CommunityRef community = staffOf(user, Params.id(ctx, "id"));
        JsonBody body = JsonBody.of(ctx, PUBLISH);
        var draft = new NoticeRepository.Draft(NoticeInput.required(NoticeInput.kind(body), "kind"),
                NoticeInput.required(NoticeInput.text(body, "title", NoticeInput.TITLE_MAX), "title"),
                NoticeInput.required(NoticeInput.text(body, "body", NoticeInput.BODY_MAX), "body"),
                NoticeInput.text(body, "author", NoticeInput.AUTHOR_MAX).orElse(community.name() + "居委会"));
        long id = notices.publish(community.id(), draft, user.id(), clock.instant(), actor(ctx, user));
        answers.written();
        ctx.status(201).header("Location", "/api/notices/" + id);
        respond(ctx, id);
    }

    public void change(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.id(ctx, "id");
        var notice = notices.forStaff(id).orElseThrow(() -> noNotice(id));
        staffOf(user, notice.communityId());
        JsonBody body = JsonBody.of(ctx, CHANGE);
        var change = new NoticeRepository.Change(NoticeInput.kind(body), NoticeInput.text(body, "title", NoticeInput.TITLE_MAX),
                NoticeInput.text(body, "body", NoticeInput.BODY_MAX));
        if (change.kind().isEmpty() && change.title().isEmpty() && change.body().isEmpty()) {
            throw ApiException.badRequest("nothing-to-change", "give at least one of kind, title and body");
        }
        if (notice.withdrawn() || !notices.change(id, change, clock.instant(), actor(ctx, user))) {
            throw noNotice(id);
        }
        answers.written();
        respond(ctx, id);
    }

    public void withdraw(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        long id = Params.id(ctx, "id");
        var notice = notices.forStaff(id).orElseThrow(() -> noNotice(id));
        staffOf(user, notice.communityId());
        // withdrawing what is withdrawn already changes nothing: DELETE is idempotent
        if (notices.withdraw(id, clock.instant(), actor(ctx, user))) {
            answers.written();
        }
        ctx.status(204);
    }

    /** The community, when the caller is its staff: 404 when there is none, 403 when it is not theirs. */
    private CommunityRef staffOf(User user, int communityId) {
        CommunityRef c = notices.community(communityId).orElseThrow(() -> noCommunity(communityId));
        if (!user.servesCommunity(c.id(), c.subdistrictId())) {
            throw ApiException.forbidden("out-of-scope", "you are not staff of " + c.name() + " (community " + c.id()
                    + "): its notices are written by its community staff, its subdistrict's planners and admins");
        }
        return c;
    }

    private void respond(Context ctx, long id) {
        var notice = answers.notice(id).orElseThrow(() -> noNotice(id));
        send(ctx, notice.etag(), "application/json; charset=utf-8", notice.body());
    }

    private static void send(Context ctx, String etag, String type, byte[] body) {
        ctx.header("ETag", etag).header("Cache-Control", "no-cache").contentType(type).result(body);
    }

    private static AuditLog.Actor actor(Context ctx, User user) {
        return AuditLog.Actor.of(user, ClientIp.of(ctx));
    }

    private static ApiException noCommunity(int id) {
        return ApiException.notFound("community-not-found", "there is no community " + id);
    }

    private static ApiException noNotice(long id) {
        return ApiException.notFound("notice-not-found", "there is no notice " + id + " (or it was withdrawn)");
    }
}
