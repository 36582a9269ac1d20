package org.partymap.auth;

import java.util.List;

/**
 * An account as admins see it (and its owner, at {@code /api/me}); never its password hash.
 *
 * @param scope the grids (or communities) of a grid worker, the subdistricts of a planner, the party groups of a
 *              party member; empty for admins
 * @param createdAt   ISO 8601
 * @param lastLoginAt ISO 8601, or null before the first login
 */
public record Account(int id, String username, String displayName, String role, boolean disabled,
                      boolean mustChangePassword, String createdAt, String lastLoginAt, List<ScopeItem> scope) {

    /** A grid, community, subdistrict or party group in an account's scope. */
    public record ScopeItem(int id, String code, String name) {
    }

    Account withScope(List<ScopeItem> items) {
        return new Account(id, username, displayName, role, disabled, mustChangePassword, createdAt, lastLoginAt, List.copyOf(items));
    }
}
