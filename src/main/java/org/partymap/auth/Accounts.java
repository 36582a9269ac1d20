package org.partymap.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.partymap.auth.AuditLog.Actor;
import org.partymap.db.Sql;
import org.partymap.http.ApiException;

/**
 * Creating and changing accounts, for the command line, the admin API and the demo alike: the
 * rules (a valid name, a scope that fits the role, never without an enabled admin), the
 * password policy, ending sessions when access shrinks, and an audit entry for every change.
 * Problems are {@link ApiException}s, which the API answers and the command line prints.
 */
public final class Accounts {

    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,32}");
    static final int MAX_SCOPE = 500;

    private final UserRepository users;
    private final SessionStore sessions;

    public Accounts(DataSource ds, SessionStore sessions) {
        this.users = new UserRepository(ds);
        this.sessions = sessions;
    }

    /** A new account and the one-time password it must change at first login. */
    public record Created(Account account, String oneTimePassword) {
    }

    public List<Account> list() {
        return users.accounts();
    }

    public Account get(int id) {
        return users.account(id).orElseThrow(() -> ApiException.notFound("user-not-found", "there is no user " + id));
    }

    public Account get(String username) {
        return users.account(username).orElseThrow(() -> ApiException.notFound("user-not-found", "there is no user '" + username + "'"));
    }

    public Created create(String username, String displayName, Role role, List<String> scope, Actor actor) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("bad-username", "a user name has 2 to 32 letters, digits, '.', '_' or '-'").with("field", "username");
        }
        checkDisplayName(displayName);
        if (users.credentials(username).isPresent()) {
            throw ApiException.conflict("user-exists", "there is already a user '" + username + "'");
        }
        List<UserRepository.Item> ids = resolveScope(role, scope);
        String password = Passwords.oneTime();
        String hash = Passwords.hash(password);
        int id = Sql.transaction(users.dataSource(), c -> {
            int newId = users.insert(c, username, displayName, role, hash, true);
            users.setScope(c, newId, ids);
            AuditLog.record(c, actor, "account_create", "app_user", newId, detail("username", username, "role", role.id(), "scope", scope));
            return newId;
        });
        return new Created(get(id), password);
    }

    /**
     * Changes what is given and keeps the rest. A new role needs a scope that fits it. Sessions
     * end when access shrinks (disabled, a new role or scope), so nobody keeps what was taken away.
     */
    public Account update(int id, Optional<Role> role, Optional<List<String>> scope, Optional<Boolean> disabled,
                          Optional<String> displayName, Actor actor) {
        Account current = get(id);
        displayName.ifPresent(Accounts::checkDisplayName);
        Role oldRole = Role.ofAccount(current.role());
        Role newRole = role.orElse(oldRole);
        if (newRole != oldRole && newRole != Role.ADMIN && scope.isEmpty()) {
            throw ApiException.badRequest("scope-required", "a " + newRole.id() + " needs a scope of " + newRole.scopeKind()).with("field", "scope");
        }
        Optional<List<UserRepository.Item>> ids = newRole == Role.ADMIN && newRole != oldRole ? Optional.of(List.of())
                : scope.map(s -> resolveScope(newRole, s));
        boolean losesAdmin = oldRole == Role.ADMIN && !current.disabled() && (newRole != Role.ADMIN || disabled.orElse(false));
        Sql.transaction(users.dataSource(), c -> {
            if (losesAdmin && users.lockAdmins(c).stream().allMatch(a -> a == id)) {
                throw ApiException.conflict("last-admin", "'" + current.username() + "' is the last enabled admin; make another admin first");
            }
            users.update(c, id, role.orElse(null), displayName.orElse(null), disabled.orElse(null));
            if (ids.isPresent()) {
                users.setScope(c, id, ids.get());
            }
            var changes = new LinkedHashMap<String, Object>();
            role.ifPresent(r -> changes.put("role", r.id()));
            scope.ifPresent(s -> changes.put("scope", s));
            disabled.ifPresent(d -> changes.put("disabled", d));
            displayName.ifPresent(d -> changes.put("display_name", d));
            AuditLog.record(c, actor, "account_update", "app_user", id, changes);
            return null;
        });
        if (disabled.orElse(false) || role.isPresent() || scope.isPresent()) {
            sessions.endAll(id);
        }
        return get(id);
    }

    /** Sets a new one-time password (the user must change it at next login) and ends the user's sessions. */
    public String resetPassword(int id, Actor actor) {
        get(id);
        String password = Passwords.oneTime();
        setPassword(id, password, true, "password_reset", actor);
        return password;
    }

    /** Sets a chosen password (the command line's {@code user passwd}); ends the user's sessions. */
    public void setPassword(String username, String password, Actor actor) {
        Account account = get(username);
        Passwords.problem(password, account.username()).ifPresent(p -> {
            throw ApiException.badRequest("weak-password", p).with("field", "password");
        });
        setPassword(account.id(), password, false, "password_set", actor);
    }

    private void setPassword(int id, String password, boolean mustChange, String action, Actor actor) {
        String hash = Passwords.hash(password);
        Sql.transaction(users.dataSource(), c -> {
            users.setPassword(c, id, hash, mustChange);
            AuditLog.record(c, actor, action, "app_user", id, null);
            return null;
        });
        sessions.endAll(id);
    }

    /**
     * The owner changes their own password, proving the current one. Their other sessions end;
     * the one they used stays.
     */
    public void changeOwn(User user, String current, String next, String sessionToken, String ip) {
        var creds = users.credentials(user.username()).orElseThrow();
        if (!Passwords.verify(current, creds.passwordHash())) {
            throw ApiException.forbidden("wrong-password", "the current password is wrong").with("field", "current_password");
        }
        if (current.equals(next)) {
            throw ApiException.badRequest("weak-password", "the new password must differ from the current one").with("field", "new_password");
        }
        Passwords.problem(next, user.username()).ifPresent(p -> {
            throw ApiException.badRequest("weak-password", p).with("field", "new_password");
        });
        String hash = Passwords.hash(next);
        Sql.transaction(users.dataSource(), c -> {
            users.setPassword(c, user.id(), hash, false);
            AuditLog.record(c, Actor.of(user, ip), "password_change", "app_user", user.id(), null);
            return null;
        });
        sessions.endOthers(user.id(), sessionToken);
    }

    /** The ids of the scope items, in the kind the role takes; unknown items are a 400 naming them. */
    private List<UserRepository.Item> resolveScope(Role role, List<String> scope) {
        List<String> items = scope == null ? List.of() : scope.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (role == Role.ADMIN) {
            if (!items.isEmpty()) {
                throw ApiException.badRequest("bad-scope", "an admin has no scope; leave it out").with("field", "scope");
            }
            return List.of();
        }
        if (items.isEmpty()) {
            throw ApiException.badRequest("scope-required", "a " + role.id() + " needs a scope of " + role.scopeKind()
                    + switch (role) {
                        case PLANNER -> " (names or 9-digit codes)";
                        case PARTY_MEMBER -> " (names or numbers of 楼栋党小组)";
                        default -> " (15-digit grid codes, or communities by 12-digit code or name)";
                    })
                    .with("field", "scope");
        }
        if (items.size() > MAX_SCOPE) {
            throw ApiException.badRequest("bad-scope", "a scope has at most " + MAX_SCOPE + " items").with("field", "scope");
        }
        List<UserRepository.Item> ids = users.resolve(role, items);
        var unknown = new ArrayList<String>();
        for (int i = 0; i < items.size(); i++) {
            if (ids.get(i) == null) {
                unknown.add(items.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("bad-scope", "no " + switch (role) {
                        case PLANNER -> "subdistrict has the name or code ";
                        case PARTY_MEMBER -> "party group has the name or number ";
                        default -> "grid or community has the code or name ";
                    }
                    + String.join(", ", unknown)).with("field", "scope").with("unknown", unknown);
        }
        return ids;
    }

    private static void checkDisplayName(String name) {
        if (name != null && (name.length() > 64 || name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F))) {
            throw ApiException.badRequest("bad-field", "a display name has at most 64 characters and no control characters")
                    .with("field", "display_name");
        }
    }

    private static Map<String, Object> detail(Object... keyValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
