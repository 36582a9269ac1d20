package org.partymap.auth;

import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.partymap.auth.AuditLog.Actor;
import org.partymap.http.ApiException;
import org.partymap.http.ClientIp;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * Sessions a person can see: {@code /api/me/sessions} for one's own (end one, end all others) and
 * {@code /api/admin/users/{id}/sessions} for an admin (see a user's, end them all). Sessions are
 * named by their reference ({@code session.ref}), never by the token or its hash. Every ending is
 * audited.
 */
public final class SessionController {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final SessionStore sessions;
    private final SessionCookie cookie;
    private final Accounts accounts;
    private final AuditLog audit;

    public SessionController(SessionStore sessions, SessionCookie cookie, Accounts accounts, AuditLog audit) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.accounts = accounts;
        this.audit = audit;
    }

    public void mine(Context ctx) {
        User me = AccessControl.requireUser(ctx);
        Responses.jsonOf(ctx, Map.of("sessions", sessions.list(me.id(), AccessControl.token(ctx))));
    }

    /** Ends one of the caller's sessions; ending the current one is a logout. */
    public void endMine(Context ctx) {
        User me = AccessControl.requireUser(ctx);
        String raw = ctx.pathParam("id");
        if (!UUID_TEXT.matcher(raw).matches()) {
            throw ApiException.badParameter("id", "a session id is a UUID such as 0b8e…-…, not '" + raw + "'");
        }
        boolean current = sessions.list(me.id(), AccessControl.token(ctx)).stream().anyMatch(s -> s.current() && s.id().equals(raw));
        if (!sessions.endByRef(me.id(), UUID.fromString(raw))) {
            throw ApiException.notFound("session-not-found", "you have no session " + raw);
        }
        audit.record(Actor.of(me, ClientIp.of(ctx)), "session_end", "app_user", me.id(), Map.of("session", raw, "current", current));
        if (current) {
            cookie.clear(ctx);
        }
        ctx.status(204);
    }

    public void endOthers(Context ctx) {
        User me = AccessControl.requireUser(ctx);
        int ended = sessions.endOthers(me.id(), AccessControl.token(ctx));
        audit.record(Actor.of(me, ClientIp.of(ctx)), "session_end_others", "app_user", me.id(), Map.of("ended", ended));
        Responses.jsonOf(ctx, Map.of("ended", ended));
    }

    public void ofUser(Context ctx) {
        int id = Params.id(ctx, "id");
        accounts.get(id);
        Responses.jsonOf(ctx, Map.of("sessions", sessions.list(id, AccessControl.token(ctx))));
    }

    /** Ends every session of a user (the admin's own too, when they name themself). */
    public void endAllOfUser(Context ctx) {
        int id = Params.id(ctx, "id");
        accounts.get(id);
        int ended = sessions.endAll(id);
        User admin = AccessControl.requireUser(ctx);
        audit.record(Actor.of(admin, ClientIp.of(ctx)), "session_end_all", "app_user", id, Map.of("ended", ended));
        Responses.jsonOf(ctx, Map.of("ended", ended));
    }
}
