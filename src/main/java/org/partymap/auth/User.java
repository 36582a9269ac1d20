package org.partymap.auth;

import java.util.HashSet;
import java.util.Set;
import org.partymap.http.ApiException;

/**
 * A logged-in account as a request sees it: its role and scope as they were when the request
 * began. Scope checks that depend on one of these sets live here, so that every feature asks the
 * same question the same way; {@link GridScope} asks it in SQL.
 *
 * @param grids          ids of the single grids a grid worker serves (empty for other roles)
 * @param subdistricts   ids of the subdistricts a planner works in (empty for other roles)
 * @param communities    ids of the communities a grid worker serves as a whole (community staff)
 * @param communityGrids ids of the grids of those communities, as they were when the request began
 * @param partyGroups    ids of the 楼栋党小组 a party member belongs to (empty for other roles)
 */
public record User(int id, String username, String displayName, Role role, boolean mustChangePassword,
                   Set<Integer> grids, Set<Integer> subdistricts, Set<Integer> communities, Set<Integer> communityGrids,
                   Set<Integer> partyGroups) {

    public User {
        grids = Set.copyOf(grids);
        subdistricts = Set.copyOf(subdistricts);
        communities = Set.copyOf(communities);
        communityGrids = Set.copyOf(communityGrids);
        partyGroups = Set.copyOf(partyGroups);
    }

    /** An account without community or party group scope. */
    public User(int id, String username, String displayName, Role role, boolean mustChangePassword,
                Set<Integer> grids, Set<Integer> subdistricts) {
        this(id, username, displayName, role, mustChangePassword, grids, subdistricts, Set.of(), Set.of(), Set.of());
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Every grid a grid worker serves: their single grids and every grid of their communities. */
    public Set<Integer> servedGrids() {
        if (communityGrids.isEmpty()) {
            return grids;
        }
        var all = new HashSet<>(grids);
        all.addAll(communityGrids);
        return all;
    }

    /** Admins see every resident; grid workers those of the grids they serve; nobody else any. */
    public boolean mayReadResidentsOf(int gridId) {
        return isAdmin() || role == Role.GRID_WORKER && (grids.contains(gridId) || communityGrids.contains(gridId));
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

    /**
     * Whether this account is staff of a place (a grid of a community of a subdistrict): an admin,
     * a planner of the subdistrict, or a grid worker of the grid or of the whole community. What a
     * feature shows its staff (bookings of a post, notices of a community) is asked with this.
     */
    public boolean serves(int gridId, int communityId, int subdistrictId) {
        return switch (role) {
            case ADMIN -> true;
            case PLANNER -> subdistricts.contains(subdistrictId);
            case GRID_WORKER -> grids.contains(gridId) || communities.contains(communityId);
            case PUBLIC, PARTY_MEMBER -> false;
        };
    }

    /** Whether this account is staff of a community as a whole (a grid of it is not enough). */
    public boolean servesCommunity(int communityId, int subdistrictId) {
        return switch (role) {
            case ADMIN -> true;
            case PLANNER -> subdistricts.contains(subdistrictId);
            case GRID_WORKER -> communities.contains(communityId);
            case PUBLIC, PARTY_MEMBER -> false;
        };
    }
}
