package org.partymap.auth;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/** The SQL of accounts and their scopes. */
final class UserRepository {

    private static final String CREDENTIALS = """
            SELECT id, username, password_hash, disabled FROM app_user WHERE lower(username) = lower(?)""";

    private static final String ACCOUNTS = """
            SELECT id, username, display_name, role, disabled, must_change_password, created_at, last_login_at
              FROM app_user WHERE (?::int IS NULL OR id = ?::int) ORDER BY lower(username)""";

    /** Grid names repeat across communities, so a grid is named with its community. */
    private static final String SCOPES = """
            SELECT ug.user_id, g.id, g.code, c.name || g.name AS name
              FROM app_user_grid ug JOIN grid g ON g.id = ug.grid_id JOIN community c ON c.id = g.community_id
             WHERE ?::int IS NULL OR ug.user_id = ?::int
            UNION ALL
            SELECT uc.user_id, c.id, c.code, c.name
              FROM app_user_community uc JOIN community c ON c.id = uc.community_id
             WHERE ?::int IS NULL OR uc.user_id = ?::int
            UNION ALL
            SELECT us.user_id, s.id, s.code, s.name
              FROM app_user_subdistrict us JOIN subdistrict s ON s.id = us.subdistrict_id
             WHERE ?::int IS NULL OR us.user_id = ?::int
            UNION ALL
            SELECT up.user_id, p.id, p.id::text, p.name
              FROM app_user_party_group up JOIN party_group p ON p.id = up.party_group_id
             WHERE ?::int IS NULL OR up.user_id = ?::int
             ORDER BY 1, 3""";

    private static final String INSERT = """
            INSERT INTO app_user (username, display_name, role, password_hash, must_change_password)
            VALUES (?, ?, ?, ?, ?) RETURNING id""";

    private static final String UPDATE = """
            UPDATE app_user SET role = coalesce(?::text, role), display_name = coalesce(?::text, display_name),
                                disabled = coalesce(?::boolean, disabled), updated_at = now()
             WHERE id = ?""";

    private static final String SET_PASSWORD = """
            UPDATE app_user SET password_hash = ?, must_change_password = ?, password_set_at = now(), updated_at = now()
             WHERE id = ?""";

    private static final String TOUCH_LOGIN = "UPDATE app_user SET last_login_at = now() WHERE id = ?";

    /** Locks the enabled admins, so that two admins cannot each remove the other at once. */
    private static final String LOCK_ADMINS = "SELECT id FROM app_user WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE";

    private static final String RESOLVE_SUBDISTRICTS = """
            SELECT item, (SELECT s.id FROM subdistrict s WHERE s.code = item OR s.name = item ORDER BY s.id LIMIT 1)
              FROM unnest(?::text[]) WITH ORDINALITY AS t(item, n) ORDER BY n""";
    /** A grid worker's items: a grid by its 15-digit code, or a community by its 12-digit code or name (kind 'c'). */
    private static final String RESOLVE_GRIDS = """
            SELECT item, coalesce((SELECT g.id FROM grid g WHERE g.code = item),
                                  (SELECT c.id FROM community c WHERE c.code = item OR c.name = item ORDER BY c.id LIMIT 1)),
                   CASE WHEN EXISTS (SELECT 1 FROM grid g WHERE g.code = item) THEN 'g' ELSE 'c' END
              FROM unnest(?::text[]) WITH ORDINALITY AS t(item, n) ORDER BY n""";

    /** A party member's items: a 楼栋党小组 by its number or its name (the first of that name). */
    private static final String RESOLVE_PARTY_GROUPS = """
            SELECT item, coalesce((SELECT p.id FROM party_group p WHERE item ~ '^[0-9]{1,9}$' AND p.id = item::int),
                                  (SELECT p.id FROM party_group p WHERE p.name = item ORDER BY p.id LIMIT 1))
              FROM unnest(?::text[]) WITH ORDINALITY AS t(item, n) ORDER BY n""";

    private static final String CLEAR_GRIDS = "DELETE FROM app_user_grid WHERE user_id = ?";
    private static final String CLEAR_SUBDISTRICTS = "DELETE FROM app_user_subdistrict WHERE user_id = ?";
    private static final String CLEAR_COMMUNITIES = "DELETE FROM app_user_community WHERE user_id = ?";
    private static final String CLEAR_PARTY_GROUPS = "DELETE FROM app_user_party_group WHERE user_id = ?";
    private static final String ADD_PARTY_GROUPS = """
            INSERT INTO app_user_party_group (user_id, party_group_id) SELECT ?, unnest(?::int[]) ON CONFLICT DO NOTHING""";
    private static final String ADD_COMMUNITIES = """
            INSERT INTO app_user_community (user_id, community_id) SELECT ?, unnest(?::int[]) ON CONFLICT DO NOTHING""";
    private static final String ADD_GRIDS = "INSERT INTO app_user_grid (user_id, grid_id) SELECT ?, unnest(?::int[]) ON CONFLICT DO NOTHING";
    private static final String ADD_SUBDISTRICTS = """
            INSERT INTO app_user_subdistrict (user_id, subdistrict_id) SELECT ?, unnest(?::int[]) ON CONFLICT DO NOTHING""";

    /** What a login checks. */
    record Credentials(int id, String username, String passwordHash, boolean disabled) {
    }

    private final DataSource ds;

    UserRepository(DataSource ds) {
        this.ds = ds;
    }

    DataSource dataSource() {
        return ds;
    }

    Optional<Credentials> credentials(String username) {
        return Sql.one(ds, CREDENTIALS, rs -> new Credentials(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), username);
    }

    List<Account> accounts() {
        return accounts(null);
    }

    Optional<Account> account(int id) {
        List<Account> found = accounts(id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    Optional<Account> account(String username) {
        return credentials(username).flatMap(c -> account(c.id()));
    }

    private List<Account> accounts(Integer id) {
        Map<Integer, Account> byId = new LinkedHashMap<>();
        for (Account a : Sql.list(ds, ACCOUNTS, UserRepository::account, id, id)) {
            byId.put(a.id(), a);
        }
        Map<Integer, List<Account.ScopeItem>> scopes = new LinkedHashMap<>();
        Sql.list(ds, SCOPES, rs -> {
            scopes.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                    .add(new Account.ScopeItem(rs.getInt(2), rs.getString(3), rs.getString(4)));
            return null;
        }, id, id, id, id, id, id, id, id);
        return byId.values().stream().map(a -> a.withScope(scopes.getOrDefault(a.id(), List.of()))).toList();
    }

    int insert(Connection c, String username, String displayName, Role role, String hash, boolean mustChange) throws SQLException {
        return Sql.one(c, INSERT, rs -> rs.getInt(1), username, displayName, role.id(), hash, mustChange).orElseThrow();
    }

    int update(Connection c, int id, Role role, String displayName, Boolean disabled) throws SQLException {
        return Sql.update(c, UPDATE, role == null ? null : role.id(), displayName, disabled, id);
    }

    void setPassword(Connection c, int id, String hash, boolean mustChange) throws SQLException {
        Sql.update(c, SET_PASSWORD, hash, mustChange, id);
    }

    void touchLogin(int id) {
        Sql.update(ds, TOUCH_LOGIN, id);
    }

    /** Ids of the enabled admins, locked until the transaction ends. */
    List<Integer> lockAdmins(Connection c) throws SQLException {
        return Sql.list(c, LOCK_ADMINS, rs -> rs.getInt(1));
    }

    /** A resolved scope item: a subdistrict, a community or a grid. */
    record Item(char kind, int id) {
        static final char SUBDISTRICT = 's';
        static final char COMMUNITY = 'c';
        static final char GRID = 'g';
        static final char PARTY_GROUP = 'p';
    }

    /**
     * Each item resolved, or null where nothing matches: a planner's items are subdistricts (code or
     * name); a grid worker's are grids (15-digit code) or whole communities (12-digit code or name);
     * a party member's are party groups (number or name).
     */
    List<Item> resolve(Role role, List<String> items) {
        Object array = items.toArray(String[]::new);
        if (role == Role.PLANNER) {
            return Sql.list(ds, RESOLVE_SUBDISTRICTS, rs -> rs.getObject(2) == null ? null : new Item(Item.SUBDISTRICT, rs.getInt(2)), array);
        }
        if (role == Role.PARTY_MEMBER) {
            return Sql.list(ds, RESOLVE_PARTY_GROUPS, rs -> rs.getObject(2) == null ? null : new Item(Item.PARTY_GROUP, rs.getInt(2)), array);
        }
        return Sql.list(ds, RESOLVE_GRIDS, rs -> rs.getObject(2) == null ? null : new Item(rs.getString(3).charAt(0), rs.getInt(2)), array);
    }

    /** Replaces the account's scope by {@code items}. */
    void setScope(Connection c, int userId, List<Item> items) throws SQLException {
        Sql.update(c, CLEAR_GRIDS, userId);
        Sql.update(c, CLEAR_SUBDISTRICTS, userId);
        Sql.update(c, CLEAR_COMMUNITIES, userId);
        Sql.update(c, CLEAR_PARTY_GROUPS, userId);
        Sql.update(c, ADD_GRIDS, userId, ids(items, Item.GRID));
        Sql.update(c, ADD_COMMUNITIES, userId, ids(items, Item.COMMUNITY));
        Sql.update(c, ADD_SUBDISTRICTS, userId, ids(items, Item.SUBDISTRICT));
        Sql.update(c, ADD_PARTY_GROUPS, userId, ids(items, Item.PARTY_GROUP));
    }

    private static Integer[] ids(List<Item> items, char kind) {
        return items.stream().filter(i -> i.kind() == kind).map(Item::id).toArray(Integer[]::new);
    }

    private static Account account(ResultSet rs) throws SQLException {
        OffsetDateTime last = rs.getObject("last_login_at", OffsetDateTime.class);
        return new Account(rs.getInt("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("role"),
                rs.getBoolean("disabled"), rs.getBoolean("must_change_password"),
                rs.getObject("created_at", OffsetDateTime.class).toString(), last == null ? null : last.toString(), List.of());
    }
}
