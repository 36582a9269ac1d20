package org.partymap.auth;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.partymap.auth.AuditLog.Actor;
import org.partymap.http.ApiException;
import org.partymap.http.ClientIp;
import org.partymap.http.JsonBody;
import org.partymap.http.Responses;

/**
 * {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/me} and
 * {@code POST /api/me/password}. A failed login says only that the name or password is wrong —
 * not which, and not whether the account is disabled.
 */
public final class AuthController {

    private static final Set<String> LOGIN_FIELDS = Set.of("username", "password");
    private static final Set<String> PASSWORD_FIELDS = Set.of("current_password", "new_password");

    private final UserRepository users;
    private final Accounts accounts;
    private final SessionStore sessions;
    private final SessionCookie cookie;
    private final DeviceCookie devices;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public AuthController(DataSource ds, Accounts accounts, SessionStore sessions, SessionCookie cookie, DeviceCookie devices, AuditLog audit) {
        this.users = new UserRepository(ds);
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookie = cookie;
        this.devices = devices;
        this.throttle = new LoginThrottle(ds);
        this.audit = audit;
    }

    public void login(Context ctx) {
        var body = JsonBody.of(ctx, LOGIN_FIELDS);
        String username = body.text("username", 64);
        String password = body.secret("password", Passwords.MAX_LENGTH);
        String ip = ClientIp.of(ctx);
        var creds = users.credentials(username);
        String device = creds.flatMap(c -> devices.device(ctx, c.id())).orElse(null);
        long wait = throttle.retryAfter(username, ip, device);
        if (wait > 0) {
            throw ApiException.tooManyRequests("login-throttled", "too many failed logins; try again in " + wait + " s", wait);
        }
        boolean ok;
        if (creds.isPresent()) {
            ok = Passwords.verify(password, creds.get().passwordHash()) && !creds.get().disabled();
        } else {
            Passwords.verifyDecoy(password);
            ok = false;
        }
        throttle.record(username, ip, device, ok);
        if (!ok) {
            creds.ifPresent(c -> audit.record(new Actor(c.id(), c.username(), ip), "login_failed", "app_user", c.id(),
                    Map.of("reason", c.disabled() ? "disabled" : "password", "known_device", device != null)));
            throw ApiException.unauthorized("login-failed", "wrong user name or password");
        }
        int id = creds.get().id();
        sessions.end(cookie.read(ctx)); // never carry a session over a login
        String token = sessions.create(id, ip, ctx.userAgent());
        users.touchLogin(id);
        audit.record(new Actor(id, creds.get().username(), ip), "login", "app_user", id, Map.of("known_device", device != null));
        cookie.write(ctx, token);
        devices.write(ctx, id);
        ctx.header("Cache-Control", "no-store");
        Responses.jsonOf(ctx, accounts.get(id));
    }

    public void logout(Context ctx) {
        AccessControl.user(ctx).ifPresent(u -> audit.record(Actor.of(u, ClientIp.of(ctx)), "logout", "app_user", u.id(), null));
        sessions.end(cookie.read(ctx));
        cookie.clear(ctx);
        ctx.status(204);
    }

    public void me(Context ctx) {
        Responses.jsonOf(ctx, accounts.get(AccessControl.requireUser(ctx).id()));
    }

    public void changePassword(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        var body = JsonBody.of(ctx, PASSWORD_FIELDS);
        String current = body.secret("current_password", Passwords.MAX_LENGTH);
        String next = body.secret("new_password", Passwords.MAX_LENGTH + 1);
        String ip = ClientIp.of(ctx);
        // a stolen session must not become a way to guess the password
        String device = devices.device(ctx, user.id()).orElse(null);
        long wait = throttle.retryAfter(user.username(), ip, device);
        if (wait > 0) {
            throw ApiException.tooManyRequests("login-throttled", "too many wrong passwords; try again in " + wait + " s", wait);
        }
        try {
            accounts.changeOwn(user, current, next, AccessControl.token(ctx), ip);
        } catch (ApiException e) {
            if (e.status() == 403) {
                throttle.record(user.username(), ip, device, false);
            }
            throw e;
        }
        ctx.status(204);
    }
}
