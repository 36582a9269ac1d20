package org.partymap.auth;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.partymap.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorisation on every route, before its handler runs: the route's roles (declared in the
 * route table) against the session's account; the origin of every state-changing request; an
 * account with a one-time password may only change it; nothing personal is cached. A route that
 * declares no roles is refused outright — and {@link #requireRolesOnEveryRoute} stops the server
 * from starting with one. Scope (which grids, which subdistricts) is checked by the features,
 * through {@link User}.
 */
public final class AccessControl {

    private static final Logger log = LoggerFactory.getLogger(AccessControl.class);
    private static final String USER = "partymap.user";
    private static final String TOKEN = "partymap.sessionToken";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    /**
     * The only state-changing routes open to everyone: logging in and out, and what a resident
     * without an account does through 社区通 (ask, follow up, book, cancel) and 活动 (sign up, cancel). Each of the latter is
     * rate limited in the route table and touches only the record its private link opens.
     */
    private static final Set<String> PUBLIC_WRITES = Set.of("POST /api/login", "POST /api/logout",
            "POST /api/questions", "POST /api/questions/mine/messages", "POST /api/questions/mine/resolution",
            "POST /api/bookings", "POST /api/bookings/mine/cancel",
            "POST /api/activities/{id}/signups", "POST /api/signups/mine/cancel", "POST /api/wishes/{id}/claim");
    /** What an account with a one-time password may still do. */
    private static final Set<String> WHILE_PASSWORD_EXPIRED = Set.of("/api/me", "/api/me/password", "/api/logout", "/api/login");

    private final SessionStore sessions;
    private final SessionCookie cookie;
    private final OriginCheck origins;

    public AccessControl(SessionStore sessions, SessionCookie cookie, Optional<java.net.URI> publicUrl) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.origins = new OriginCheck(publicUrl);
    }

    public void install(JavalinConfig cfg) {
        cfg.routes.beforeMatched(this::check);
    }

    /** The logged-in account of this request, if any. */
    public static Optional<User> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    /** The logged-in account; routes that admit only accounts always have one. */
    public static User requireUser(Context ctx) {
        return user(ctx).orElseThrow(() -> ApiException.unauthorized("login-required", "log in first"));
    }

    /** The raw session token of this request, for ending or keeping that session. */
    static String token(Context ctx) {
        return ctx.attribute(TOKEN);
    }

    private void check(Context ctx) {
        if (ctx.endpoints().matchedHttpEndpoint() == null) {
            return; // a static file of the web client: public by nature, and written to no one's session
        }
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            log.error("route {} {} declares no roles; refused", ctx.method(), ctx.path());
            throw ApiException.forbidden("no-roles", "this route is not open to anyone");
        }
        if (!SAFE.contains(ctx.method())) {
            origins.refusal(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), ctx.header("Host")).ifPresent(why -> {
                throw ApiException.forbidden("cross-origin", why);
            });
        }
        String token = cookie.read(ctx);
        Optional<User> user = sessions.resolve(token);
        if (user.isPresent()) {
            ctx.attribute(USER, user.get());
            ctx.attribute(TOKEN, token);
        }
        if (roles.contains(Role.PUBLIC)) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        if (user.isEmpty()) {
            throw ApiException.unauthorized("login-required", token == null ? "log in first" : "your session has ended; log in again");
        }
        if (!roles.contains(user.get().role())) {
            throw ApiException.forbidden("role", "a " + user.get().role().id() + " may not do this");
        }
        if (user.get().mustChangePassword() && !WHILE_PASSWORD_EXPIRED.contains(matchedPath(ctx))) {
            throw ApiException.forbidden("password-change-required", "change your one-time password first (POST /api/me/password)");
        }
    }

    /** The path template of the route this request matched, such as {@code /api/residents/{id}}. */
    private static String matchedPath(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? "" : matched.path;
    }

    /**
     * Fails when a route of {@code app} declares no roles (every route must say who may call it),
     * or when a route that changes something is open to the public (anything that writes needs a
     * login; logging in and out are the exceptions).
     */
    public static void requireRolesOnEveryRoute(Javalin app) {
        List<Endpoint> endpoints = app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .toList();
        List<String> open = endpoints.stream().filter(e -> rolesOf(e).isEmpty()).map(e -> e.method + " " + e.path).toList();
        if (!open.isEmpty()) {
            throw new IllegalStateException("routes without roles (declare who may call them): " + String.join(", ", open));
        }
        List<String> publicWrites = endpoints.stream()
                .filter(e -> !SAFE.contains(e.method) && rolesOf(e).contains(Role.PUBLIC))
                .map(e -> e.method + " " + e.path)
                .filter(route -> !PUBLIC_WRITES.contains(route))
                .toList();
        if (!publicWrites.isEmpty()) {
            throw new IllegalStateException("routes that change something need a login, not Role.PUBLIC: " + String.join(", ", publicWrites));
        }
    }

    /** The roles a route declares (empty when none). */
    public static Set<RouteRole> rolesOf(Endpoint e) {
        Roles roles = e.metadata(Roles.class);
        return roles == null ? Set.of() : roles.getRoles();
    }
}
