package org.partymap.auth;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partymap.auth.AuditLog.Actor;
import org.partymap.http.ApiException;
import org.partymap.http.ClientIp;
import org.partymap.http.JsonBody;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/** The admin API for accounts, under {@code /api/admin/users}. */
public final class AdminUserController {

    private static final Set<String> CREATE_FIELDS = Set.of("username", "display_name", "role", "scope");
    private static final Set<String> UPDATE_FIELDS = Set.of("display_name", "role", "scope", "disabled");

    private final Accounts accounts;

    public AdminUserController(Accounts accounts) {
        this.accounts = accounts;
    }

    public void list(Context ctx) {
        Responses.jsonOf(ctx, Map.of("users", accounts.list()));
    }

    public void create(Context ctx) {
        var body = JsonBody.of(ctx, CREATE_FIELDS);
        String username = body.text("username", 64);
        Role role = role(body.text("role", 32));
        var created = accounts.create(username, body.optionalText("display_name", 64).orElse(null), role,
                body.textList("scope", Accounts.MAX_SCOPE + 1, 64).orElse(List.of()), actor(ctx));
        ctx.status(201);
        Responses.jsonOf(ctx, Map.of("user", created.account(), "one_time_password", created.oneTimePassword()));
    }

    public void update(Context ctx) {
        int id = Params.id(ctx, "id");
        var body = JsonBody.of(ctx, UPDATE_FIELDS);
        Optional<Role> role = body.optionalText("role", 32).map(AdminUserController::role);
        Optional<Boolean> disabled = body.bool("disabled");
        User me = AccessControl.requireUser(ctx);
        if (id == me.id() && (disabled.orElse(false) || role.filter(r -> r != Role.ADMIN).isPresent())) {
            throw ApiException.conflict("own-account", "you cannot disable your own account or take away your own admin role");
        }
        Responses.jsonOf(ctx, accounts.update(id, role, body.textList("scope", Accounts.MAX_SCOPE + 1, 64), disabled,
                body.optionalText("display_name", 64), actor(ctx)));
    }

    public void resetPassword(Context ctx) {
        int id = Params.id(ctx, "id");
        Responses.jsonOf(ctx, Map.of("one_time_password", accounts.resetPassword(id, actor(ctx))));
    }

    private static Role role(String text) {
        try {
            return Role.ofAccount(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad-field", e.getMessage()).with("field", "role");
        }
    }

    private static Actor actor(Context ctx) {
        return Actor.of(AccessControl.requireUser(ctx), ClientIp.of(ctx));
    }
}
