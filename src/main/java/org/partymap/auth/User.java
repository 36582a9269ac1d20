package org.partymap.auth;

import java.util.Set;
import org.partymap.http.ApiException;

/**
 * A logged-in account as a request sees it: its role and scope as they were when the request
 * began. Scope checks that depend on one of these sets live here, so that every feature asks the
 * same question the same way.
 *
 * @param grids        ids of the grids a grid worker serves (empty for other roles)
 * @param subdistricts ids of the subdistricts a planner works in (empty for other roles)
 */
public record User(int id, String username, String displayName, Role role, boolean mustChangePassword,
                   Set<Integer> grids, Set<Integer> subdistricts) {

    public User {
        grids = Set.copyOf(grids);
        subdistricts = Set.copyOf(subdistricts);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Admins see every resident; grid workers those of their grids; nobody else any. */
    public boolean mayReadResidentsOf(int gridId) {
        return isAdmin() || role == Role.GRID_WORKER && grids.contains(gridId);
    }

    /** Refuses (403) unless this is an admin or a planner of the subdistrict. */
    public void requireSubdistrict(int subdistrictId) {
        if (!isAdmin() && !(role == Role.PLANNER && subdistricts.contains(subdistrictId))) {
            throw ApiException.forbidden("out-of-scope", "subdistrict " + subdistrictId + " is not in your scope");
        }
    }

    /** Refuses (403) unless this is an admin or a grid worker of the grid. */
    public void requireGrid(int gridId) {
        if (!mayReadResidentsOf(gridId)) {
            throw ApiException.forbidden("out-of-scope", "grid " + gridId + " is not in your scope");
        }
    }
}
